package io.sluice.runtime;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;

/** Whether this replica reconciles: always without leader election, only while it holds the Lease with it. */
@ApplicationScoped
public class Leadership {
    private static final Logger LOG = Logger.getLogger(Leadership.class);

    public enum State {
        /** No leader election: this replica always reconciles. */
        NOT_ELECTED,
        /** Waiting for the Lease; controllers not started. */
        STANDBY,
        LEADING
    }

    private final AtomicReference<State> state = new AtomicReference<>(State.NOT_ELECTED);
    private volatile String leader = "";

    public State state() {
        return state.get();
    }

    /** True when this replica's controllers run (it leads, or there is no election). */
    public boolean reconciles() {
        return state.get() != State.STANDBY;
    }

    public String currentLeader() {
        return leader;
    }

    public void electionStarted() {
        state.set(State.STANDBY);
    }

    public void startedLeading() {
        state.set(State.LEADING);
        LOG.info("leader election: this replica now leads and starts its controllers");
    }

    public void stoppedLeading() {
        state.set(State.STANDBY);
        LOG.info("leader election: this replica stopped leading");
    }

    public void newLeader(String identity) {
        leader = identity;
        LOG.infof("leader election: the leader is %s", identity);
    }
}
