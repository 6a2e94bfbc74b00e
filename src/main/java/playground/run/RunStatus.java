package playground.run;

/** Where a run is in its life. */
public enum RunStatus {
    QUEUED, RUNNING, FINISHED;

    public String wireName() {
        return name().toLowerCase();
    }
}
