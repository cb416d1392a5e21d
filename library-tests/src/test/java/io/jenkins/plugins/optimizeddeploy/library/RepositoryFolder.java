package io.jenkins.plugins.optimizeddeploy.library;

import com.lesfurets.jenkins.unit.global.lib.SourceRetriever;
import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.util.List;

/** The shared library as this repository's root folder holds it (vars/, resources/), whatever version is asked. */
final class RepositoryFolder implements SourceRetriever {

    /** The repository root: the parent of this module's folder, where Maven runs the tests. */
    static final File ROOT = new File(System.getProperty("user.dir")).getParentFile();

    @Override
    public List<URL> retrieve(String repository, String branch, String targetPath) {
        try {
            return List.of(ROOT.toURI().toURL());
        } catch (MalformedURLException e) {
            throw new IllegalStateException("the repository folder " + ROOT + " has no URL", e);
        }
    }
}
