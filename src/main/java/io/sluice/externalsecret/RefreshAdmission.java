package io.sluice.externalsecret;

import java.util.concurrent.Semaphore;

/**
 * Limits how many periodic refreshes run at once, so first syncs, spec changes and repairs always find a
 * free reconcile thread even during a refresh storm. Refreshes never block waiting: without a slot they
 * are rescheduled shortly.
 */
final class RefreshAdmission {
    private final Semaphore slots;

    RefreshAdmission(int maxConcurrentRefreshes) {
        this.slots = new Semaphore(Math.max(1, maxConcurrentRefreshes));
    }

    boolean tryEnter() {
        return slots.tryAcquire();
    }

    void leave() {
        slots.release();
    }
}
