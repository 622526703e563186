package io.borderline.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Background work waits while a request is served, and goes on once it is done (or after its longest wait). */
class RequestActivityTest {
    @Test
    void aWaiterGoesOnOnlyOnceTheRequestIsDone() throws Exception {
        RequestActivity activity = new RequestActivity();
        activity.awaitQuiet(60_000); // nothing served yet: returns at once
        activity.enter();
        Thread waiter = new Thread(() -> activity.awaitQuiet(60_000));
        waiter.start();
        waiter.join(2 * RequestActivity.QUIET_MS);
        assertThat(waiter.isAlive()).as("waits while the request is served").isTrue();
        activity.exit();
        waiter.join(60_000);
        assertThat(waiter.isAlive()).as("goes on once the service is quiet").isFalse();
    }

    @Test
    void aWaiterGoesOnAfterItsLongestWaitUnderConstantTraffic() throws Exception {
        RequestActivity activity = new RequestActivity();
        activity.enter(); // never done
        Thread waiter = new Thread(() -> activity.awaitQuiet(1));
        waiter.start();
        waiter.join(60_000);
        assertThat(waiter.isAlive()).isFalse();
    }
}
