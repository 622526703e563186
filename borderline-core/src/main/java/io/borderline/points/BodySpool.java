package io.borderline.points;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Reads a request body as fast as the client sends it, into a temporary file, while the handler
 * reads it back at the pace it computes. Without this a streamed answer deadlocks with clients
 * that send the whole body before they read any of the answer (most HTTP libraries): the server
 * would stop reading while its answer waits to be read, and the client would stop reading while
 * its body waits to be sent. With it the body is always drained, memory stays constant (the
 * body is on disk, never in the heap) and the file is deleted when the request ends.
 *
 * <p>One pump thread per spool; {@link #close()} waits for it, so the request body is never read
 * after the handler has returned. Thread-safe between the pump and one reader.
 */
public final class BodySpool implements Closeable {
    private static final int BUFFER = 64 * 1024;

    private final Path file;
    private final FileChannel writer;
    private final FileChannel reader;
    private final Thread pump;
    private long written;
    private boolean finished;
    private boolean discard;
    private IOException failure;

    /** Starts draining {@code source} into a new file in {@code dir}. */
    public BodySpool(InputStream source, Path dir) throws IOException {
        this.file = Files.createTempFile(dir, "borderline-batch-", ".body");
        try {
            this.writer = FileChannel.open(file, StandardOpenOption.WRITE);
            this.reader = FileChannel.open(file, StandardOpenOption.READ);
        } catch (IOException e) {
            Files.deleteIfExists(file);
            throw e;
        }
        this.pump = new Thread(() -> pump(source), "batch-body-pump");
        pump.setDaemon(true);
        pump.start();
    }

    private void pump(InputStream source) {
        byte[] buf = new byte[BUFFER];
        try {
            int n;
            while ((n = source.read(buf)) >= 0) {
                synchronized (this) {
                    if (discard) {
                        continue; // the reader has stopped: drain the body without keeping it
                    }
                }
                ByteBuffer b = ByteBuffer.wrap(buf, 0, n);
                while (b.hasRemaining()) {
                    writer.write(b);
                }
                synchronized (this) {
                    written += n;
                    notifyAll();
                }
            }
        } catch (IOException e) {
            fail(e);
        } catch (RuntimeException e) {
            fail(new IOException(e.getMessage(), e));
        } finally {
            synchronized (this) {
                finished = true;
                notifyAll();
            }
        }
    }

    private synchronized void fail(IOException e) {
        failure = e;
    }

    /** The body as it arrives: reads block until bytes are spooled, the body ends or reading it failed. */
    public InputStream input() {
        return new InputStream() {
            private long position;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (len == 0) {
                    return 0;
                }
                long available;
                synchronized (BodySpool.this) {
                    while (position == written && !finished) {
                        try {
                            BodySpool.this.wait();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            throw new IOException("interrupted while waiting for the request body", e);
                        }
                    }
                    available = written - position;
                    if (available == 0) {
                        if (failure != null) {
                            throw failure;
                        }
                        return -1;
                    }
                }
                int n = reader.read(ByteBuffer.wrap(b, off, (int) Math.min(len, available)), position);
                position += n;
                return n;
            }
        };
    }

    /** Stops keeping the body, waits until the rest of it has been drained, deletes the file. */
    @Override
    public void close() throws IOException {
        synchronized (this) {
            discard = true;
        }
        try {
            pump.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            writer.close();
            reader.close();
            Files.deleteIfExists(file);
        }
    }
}
