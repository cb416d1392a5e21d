package hudson.model;

public abstract class Cause {
    public abstract String getShortDescription();
}
