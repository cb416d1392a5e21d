package hudson.tasks;

import hudson.model.AbstractProject;
import hudson.model.Describable;
import hudson.model.Descriptor;

public abstract class BuildStepDescriptor<T extends BuildStep & Describable<T>> extends Descriptor<T> {
    protected BuildStepDescriptor(Class<? extends T> clazz) {
        super(clazz);
    }

    protected BuildStepDescriptor() {
    }

    @SuppressWarnings("rawtypes") // the real signature takes a raw AbstractProject
    public abstract boolean isApplicable(Class<? extends AbstractProject> jobType);
}
