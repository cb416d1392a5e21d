package io.jenkins.plugins.optimizeddeploy.engine.lint.rules;

import io.jenkins.plugins.optimizeddeploy.engine.lint.LintConfiguration;
import io.jenkins.plugins.optimizeddeploy.engine.lint.Linter;
import io.jenkins.plugins.optimizeddeploy.engine.lint.Rule;
import java.util.List;

/** Every Dockerfile rule, listed explicitly so that adding a rule is a visible change here. */
public final class RuleRegistry {

    private RuleRegistry() {
    }

    /** Every rule with the default configuration (no trusted registries: DL3026 allows any). */
    public static List<Rule> all() {
        return rules(LintConfiguration.defaults());
    }

    /** A linter with every rule, set up and applied as the configuration says. */
    public static Linter linter(LintConfiguration configuration) {
        return new Linter(rules(configuration), configuration);
    }

    /**
     * Every rule, the configurable ones (DL3026, the label-schema rules DL3049 to DL3058) set up from the
     * configuration, in id order.
     */
    public static List<Rule> rules(LintConfiguration configuration) {
        return List.of(
                new AbsoluteWorkdir(),
                new CommandsPointlessInContainer(),
                new LastUserNotRoot(),
                new WorkdirInsteadOfCd(),
                new NoSudo(),
                new ExplicitImageTag(),
                new NoLatestTag(),
                new PinAptGetVersions(),
                new DeleteAptLists(),
                new ExtractWithAdd(),
                new ValidPortRange(),
                new SingleHealthcheck(),
                new PinPipVersions(),
                new AptGetAssumeYes(),
                new AptGetNoInstallRecommends(),
                new PinNpmVersions(),
                new PinApkVersions(),
                new ApkNoCache(),
                new CopyInsteadOfAdd(),
                new CopyManySourcesIntoFolder(),
                new CopyFromKnownStage(),
                new CopyFromOwnStage(),
                new UniqueStageNames(),
                new ExecFormCommand(),
                new TrustedRegistries(configuration.trustedRegistries()),
                new AptGetInsteadOfApt(),
                new PinGemVersions(),
                new NoFixedPlatform(),
                new YumAssumeYes(),
                new YumCleanAll(),
                new PinYumVersions(),
                new ZypperNonInteractive(),
                new ZypperDistUpgrade(),
                new ZypperClean(),
                new PinZypperVersions(),
                new DnfAssumeYes(),
                new DnfCleanAll(),
                new PinDnfVersions(),
                new PipNoCacheDir(),
                new EnvSelfReference(),
                new WorkdirBeforeRelativeCopy(),
                new UseraddNoLogInit(),
                new WgetProgress(),
                new ValidLabelKey(),
                new LabelMissing(configuration.labelSchema()),
                new SuperfluousLabels(configuration.labelSchema(), configuration.strictLabels()),
                new LabelNotEmpty(configuration.labelSchema()),
                new LabelIsUrl(configuration.labelSchema()),
                new LabelIsRfc3339(configuration.labelSchema()),
                new LabelIsSpdx(configuration.labelSchema()),
                new LabelIsGitHash(configuration.labelSchema()),
                new LabelIsSemver(configuration.labelSchema()),
                new HealthcheckMissing(),
                new LabelIsEmail(configuration.labelSchema()),
                new ConsolidateRuns(),
                new YarnCacheClean(),
                new PinGoVersions(),
                new RedundantTargetPlatform(),
                new NumericUserId(),
                new NoWholeFilesystemCopy(),
                new NoMaintainer(),
                new EitherWgetOrCurl(),
                new SingleCmd(),
                new SingleEntrypoint(),
                new ShellInsteadOfLinkingSh(),
                new PipefailBeforePipe(),
                new FinalStageSetsUser(),
                new ChownForNonRootUser(),
                new SecretInEnv(),
                new SecretInArg(),
                new RemoteAddChecksum(),
                new DownloadPipedToShell(),
                new NoWorldWritableMode(),
                new NoSshPort(),
                new FinalStageCopiesWholeContext(),
                new ServiceHealthcheck(),
                new NoInsecureRun(),
                new TlsVerificationDisabled(),
                new NoSecretFilesCopied());
    }
}
