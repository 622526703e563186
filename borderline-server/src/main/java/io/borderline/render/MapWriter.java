package io.borderline.render;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.SVGUnits;

/**
 * Writes a map page as PNG (with its resolution in the pHYs chunk, so slide software places it
 * at the intended size) or as SVG (JFreeSVG; text as {@code <text>} elements in the shipped font
 * family, so titles and labels stay editable). Thread-safe.
 */
public final class MapWriter {
    private final MapRenderer renderer;

    public MapWriter(MapRenderer renderer) {
        this.renderer = renderer;
    }

    public MapRenderer renderer() {
        return renderer;
    }

    /** The page as a PNG image, RGB (ARGB when transparent). */
    public byte[] png(MapContent content, MapRenderer.Page page) {
        BufferedImage image = image(content, page);
        return encodePng(image, page.dpi());
    }

    /** The page rendered into an image. */
    public BufferedImage image(MapContent content, MapRenderer.Page page) {
        return raster(content, page).image();
    }

    /**
     * An image with what was drawn on it.
     *
     * @param image the page
     * @param drawn its view and the areas labels and symbols cover
     */
    public record Raster(BufferedImage image, MapRenderer.Drawn drawn) {}

    /** The page rendered into an image, with its view and label boxes. */
    public Raster raster(MapContent content, MapRenderer.Page page) {
        BufferedImage image = new BufferedImage(page.widthPx(), page.heightPx(),
            page.transparent() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            return new Raster(image, renderer.draw(g, content, page));
        } finally {
            g.dispose();
        }
    }

    /** The page as an SVG document; its physical size follows from the pixel size and dpi. */
    public String svg(MapContent content, MapRenderer.Page page) {
        SVGGraphics2D g = new SVGGraphics2D(page.widthPx(), page.heightPx(), SVGUnits.PX);
        // a tenth of a pixel is finer than any screen or printer shows; keeps documents small
        g.setGeomDoubleConverter(d -> {
            long tenths = Math.round(d * 10);
            return tenths % 10 == 0 ? Long.toString(tenths / 10) : Double.toString(tenths / 10.0);
        });
        renderer.draw(g, content, page);
        String svg = g.getSVGDocument();
        // a physical size for editors that honour it; the viewBox keeps the pixel coordinates
        String size = String.format(Locale.ROOT, "width=\"%.3fin\" height=\"%.3fin\" viewBox=\"0 0 %d %d\"",
            page.widthPx() / (double) page.dpi(), page.heightPx() / (double) page.dpi(), page.widthPx(), page.heightPx());
        return svg.replaceFirst("width=\"[^\"]*\" height=\"[^\"]*\"", size);
    }

    static byte[] encodePng(BufferedImage image, int dpi) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream();
             ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            ImageWriteParam param = writer.getDefaultWriteParam();
            IIOMetadata meta = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image), param);
            IIOMetadataNode phys = new IIOMetadataNode("pHYs");
            String perMetre = Integer.toString((int) Math.round(dpi / 0.0254));
            phys.setAttribute("pixelsPerUnitXAxis", perMetre);
            phys.setAttribute("pixelsPerUnitYAxis", perMetre);
            phys.setAttribute("unitSpecifier", "meter");
            IIOMetadataNode root = new IIOMetadataNode("javax_imageio_png_1.0");
            root.appendChild(phys);
            meta.mergeTree("javax_imageio_png_1.0", root);
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, meta), param);
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
    }
}
