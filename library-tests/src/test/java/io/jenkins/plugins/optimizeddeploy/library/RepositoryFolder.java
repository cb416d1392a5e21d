package io.jenkins.plugins.optimizeddeploy.library;

import com.lesfurets.jenkins.unit.global.lib.SourceRetriever;
import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.util.List;

/** The shared library as this repository's root folder holds it (vars/, resources/), whatever version is asked. */
final class RepositoryFolder implements SourceRetriever {

    /** This module's folder: Surefire names it in {@code basedir}, and runs the tests in it. */
    static final File MODULE = new File(System.getProperty("basedir", System.getProperty("user.dir")));
    /** The repository root, the folder above this module's. */
    static final File ROOT = MODULE.getAbsoluteFile().getParentFile();

    @Override
    public List<URL> retrieve(String repository, String branch, String targetPath) {
        try {
            return List.of(ROOT.toURI().toURL());
        } catch (MalformedURLException e) {
            throw new IllegalStateException("the repository folder " + ROOT + " has no URL", e);
        }
    }
}
