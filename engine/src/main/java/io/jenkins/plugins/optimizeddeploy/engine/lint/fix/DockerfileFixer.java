package io.jenkins.plugins.optimizeddeploy.engine.lint.fix;

import io.jenkins.plugins.optimizeddeploy.engine.dockerfile.Dockerfile;
import io.jenkins.plugins.optimizeddeploy.engine.dockerfile.DockerfileParser;
import io.jenkins.plugins.optimizeddeploy.engine.dockerfile.Instruction;
import io.jenkins.plugins.optimizeddeploy.engine.dockerfile.Stage;
import io.jenkins.plugins.optimizeddeploy.engine.findings.Finding;
import io.jenkins.plugins.optimizeddeploy.engine.lint.LintConfiguration;
import io.jenkins.plugins.optimizeddeploy.engine.lint.Linter;
import io.jenkins.plugins.optimizeddeploy.engine.lint.rules.CopySources;
import io.jenkins.plugins.optimizeddeploy.engine.lint.rules.RuleRegistry;
import io.jenkins.plugins.optimizeddeploy.engine.lint.rules.StageScope;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fixes what has a safe fix among the findings of a Dockerfile with minimal text edits, keeping every other
 * character: a non-root user for a final stage that runs as root (OD1001, DL3002), {@code --chown} on COPY/ADD into a
 * non-root final stage (OD1002), a HEALTHCHECK for a service whose port and HTTP client are known (OD1010), exec form
 * for a CMD/ENTRYPOINT of plain words (DL3025), COPY for an ADD of local files (DL3020). A fix can make another rule
 * apply (a new USER makes the COPYs after it need {@code --chown}), so fixing goes in rounds until nothing changes.
 */
public final class DockerfileFixer {
    /** The rules the fixer knows; a finding of another rule is never touched. */
    public static final Set<String> FIXABLE_RULES = Set.of("OD1001", "DL3002", "OD1002", "OD1010", "DL3025", "DL3020");
    private static final int MAX_ROUNDS = 5;
    private static final Pattern PLAIN_WORDS = Pattern.compile("[A-Za-z0-9_./:=,@%+-]+( +[A-Za-z0-9_./:=,@%+-]+)*");
    private static final Pattern INSTALLS_HTTP_CLIENT = Pattern.compile("\\binstall\\b.*\\b(curl|wget)\\b");
    private static final Set<String> ADD_ONLY_FLAGS = Set.of("checksum", "keep-git-dir", "unpack");

    private final Linter linter;
    private final FixOptions options;

    public DockerfileFixer(LintConfiguration configuration, FixOptions options) {
        this.linter = RuleRegistry.linter(configuration);
        this.options = options;
    }

    /** The Dockerfile with every safe fix applied, what was fixed, what was left and why, and what remains. */
    public FixResult fix(Dockerfile dockerfile) {
        Dockerfile current = dockerfile;
        List<FixNote> fixed = new ArrayList<>();
        List<FixNote> left = List.of();
        for (int round = 0; round < MAX_ROUNDS; round++) {
            Plan plan = plan(current, linter.lint(current));
            left = plan.left();
            if (plan.edits().isEmpty()) {
                break;
            }
            fixed.addAll(plan.fixed());
            current = DockerfileParser.parse(current.source(), TextEdit.applyAll(current.text(), plan.edits()));
        }
        return new FixResult(current.text(), fixed, left, linter.lint(current));
    }

    /** The edits of one round: one fix per finding that has a safe one, on the text as it is. */
    Plan plan(Dockerfile dockerfile, List<Finding> findings) {
        Plan plan = new Plan(dockerfile);
        Optional<Stage> finalStage = dockerfile.finalStage();
        for (Finding finding : findings) {
            if (!FIXABLE_RULES.contains(finding.rule()) || finalStage.isEmpty()) {
                continue;
            }
            Optional<Instruction> instruction = instructionAt(dockerfile, finding);
            switch (finding.rule()) {
                case "OD1001" -> addUser(plan, finalStage.get(), finding);
                case "DL3002" -> instruction.ifPresent(user -> {
                    if (user.stage() == finalStage.get().index()) {
                        addUser(plan, finalStage.get(), finding);
                    } else {
                        plan.leave(finding, "USER root in stage " + user.stage() + ", which is not the final stage;"
                                + " switch back to an unprivileged user by hand if that stage is run");
                    }
                });
                case "OD1002" -> instruction.ifPresent(copy -> addChown(plan, finalStage.get(), copy, finding));
                case "OD1010" -> addHealthcheck(plan, finalStage.get(), finding);
                case "DL3025" -> instruction.ifPresent(command -> toExecForm(plan, command, finding));
                default -> instruction.ifPresent(add -> addToCopy(plan, add, finding));
            }
        }
        return plan;
    }

    private void addUser(Plan plan, Stage stage, Finding finding) {
        Dockerfile dockerfile = plan.dockerfile;
        Optional<String> earlierUser = StageScope.inherited(dockerfile, stage).stream()
                .filter(instruction -> instruction.keyword().equals("user") && !instruction.args().isEmpty()
                        && !StageScope.isRoot(instruction))
                .map(instruction -> instruction.args().get(0).trim())
                .reduce((first, second) -> second);
        if (earlierUser.isPresent()) {
            plan.insertBeforeStart(stage, "USER " + earlierUser.get() + plan.newline(),
                    new FixNote(finding.rule(), finding.line(), "switched back to USER " + earlierUser.get()
                            + " before the start command of the final stage"));
            return;
        }
        BaseFamily family = baseFamily(dockerfile, stage);
        String name = options.userName();
        int uid = family == BaseFamily.DISTROLESS ? options.distrolessUid() : options.uid();
        String creation = family.userCreation(name, uid);
        String nl = plan.newline();
        plan.insertBeforeStart(stage, (creation.isEmpty() ? "" : creation + nl) + "USER " + uid + ":" + uid + nl,
                new FixNote(finding.rule(), finding.line(), "added " + (creation.isEmpty() ? "" : "user " + name
                        + " (" + family.name().toLowerCase(Locale.ROOT) + " base) and ") + "USER " + uid + ":" + uid
                        + " before the start command of the final stage"));
    }

    private void addChown(Plan plan, Stage stage, Instruction copy, Finding finding) {
        Optional<Instruction> user = StageScope.lastInherited(plan.dockerfile, stage, "user");
        if (user.isEmpty() || user.get().args().isEmpty()) {
            return;
        }
        String owner = user.get().args().get(0).trim();
        plan.insertAfterKeyword(copy, " --chown=" + owner,
                new FixNote(finding.rule(), finding.line(), "added --chown=" + owner));
    }

    private void addHealthcheck(Plan plan, Stage stage, Finding finding) {
        Dockerfile dockerfile = plan.dockerfile;
        Instruction expose = StageScope.lastInherited(dockerfile, stage, "expose").orElseThrow();
        String port = expose.args().isEmpty() ? "" : expose.args().get(0).toLowerCase(Locale.ROOT);
        port = port.endsWith("/tcp") ? port.substring(0, port.length() - 4) : port;
        Optional<String> client = httpClient(dockerfile, stage);
        if (!options.healthchecks()) {
            plan.leave(finding, "adding health checks is switched off; add a HEALTHCHECK that probes the service");
        } else if (!port.matches("[0-9]{1,5}")) {
            plan.leave(finding, "the exposed port '" + expose.args() + "' is not a plain TCP port; add a HEALTHCHECK"
                    + " that probes the service");
        } else if (client.isEmpty()) {
            plan.leave(finding, "neither wget nor curl is known to be in the image; add a HEALTHCHECK with a probe"
                    + " the image has (for a distroless image, a health subcommand of the app itself)");
        } else {
            String url = "http://127.0.0.1:" + port + options.healthcheckPath();
            String probe = client.get().equals("wget") ? "wget -q -O /dev/null " + url : "curl -fsS -o /dev/null " + url;
            plan.insertBeforeStart(stage, "HEALTHCHECK CMD " + probe + " || exit 1" + plan.newline(),
                    new FixNote(finding.rule(), finding.line(), "added a HEALTHCHECK probing " + url + " with "
                            + client.get()));
        }
    }

    private void toExecForm(Plan plan, Instruction command, Finding finding) {
        String words = command.args().isEmpty() ? "" : command.args().get(0).trim();
        boolean entrypointWithCmd = command.keyword().equals("entrypoint") && command.stage() >= 0
                && plan.dockerfile.stages().get(command.stage()).last("cmd").isPresent();
        Instruction.Written written = command.written();
        if (!PLAIN_WORDS.matcher(words).matches() || written.text().indexOf('\n') >= 0
                || written.text().indexOf('\r') >= 0) {
            plan.leave(finding, "the command uses shell features or spans lines; write it as a JSON array by hand"
                    + " (or run a script) so that it gets the stop signal");
        } else if (entrypointWithCmd) {
            plan.leave(finding, "in exec form the stage's CMD would become the ENTRYPOINT's arguments; convert both"
                    + " by hand");
        } else {
            String json = "[\"" + String.join("\", \"", words.split(" +")) + "\"]";
            int start = written.span().startOffset() + written.keyword().length();
            plan.replace(new TextEdit(start, written.span().endOffset(), " " + json),
                    new FixNote(finding.rule(), finding.line(), "wrote " + written.keyword() + " " + json));
        }
    }

    private void addToCopy(Plan plan, Instruction add, Finding finding) {
        List<String> sources = CopySources.of(add);
        boolean onlyLocalFiles = sources.stream().noneMatch(source -> CopySources.isRemote(source)
                || CopySources.isArchive(source));
        if (!onlyLocalFiles || ADD_ONLY_FLAGS.stream().anyMatch(add.flags()::has) || !add.keyword().equals("add")) {
            plan.leave(finding, "the ADD also fetches URLs or unpacks archives; split the local files into a COPY");
            return;
        }
        Instruction.Written written = add.written();
        String copy = written.keyword().equals("add") ? "copy" : "COPY";
        int start = written.span().startOffset();
        plan.replace(new TextEdit(start, start + written.keyword().length(), copy),
                new FixNote(finding.rule(), finding.line(), "wrote COPY instead of ADD"));
    }

    private BaseFamily baseFamily(Dockerfile dockerfile, Stage stage) {
        return BaseFamily.of(StageScope.chain(dockerfile, stage).get(0).resolvedBaseImage(), options);
    }

    private Optional<String> httpClient(Dockerfile dockerfile, Stage stage) {
        Optional<String> known = baseFamily(dockerfile, stage).httpClient();
        if (known.isPresent()) {
            return known;
        }
        return StageScope.inherited(dockerfile, stage).stream()
                .filter(instruction -> instruction.keyword().equals("run"))
                .map(run -> INSTALLS_HTTP_CLIENT.matcher(String.join(" ", run.args())))
                .filter(Matcher::find)
                .map(matcher -> matcher.group(1))
                .findFirst();
    }

    private static Optional<Instruction> instructionAt(Dockerfile dockerfile, Finding finding) {
        return dockerfile.instructions().stream()
                .filter(instruction -> instruction.startLine() == finding.line()
                        && instruction.written().span().startColumn() == finding.column())
                .findFirst();
    }

    /** The edits of one round and what they fix; insertions at one place are joined into one edit. */
    static final class Plan {
        private final Dockerfile dockerfile;
        private final Map<Integer, StringBuilder> insertions = new LinkedHashMap<>();
        private final List<TextEdit> replacements = new ArrayList<>();
        private final List<FixNote> fixed = new ArrayList<>();
        private final List<FixNote> left = new ArrayList<>();

        Plan(Dockerfile dockerfile) {
            this.dockerfile = dockerfile;
        }

        List<TextEdit> edits() {
            List<TextEdit> edits = new ArrayList<>(replacements);
            insertions.forEach((offset, text) -> edits.add(TextEdit.insert(offset, text.toString())));
            return edits;
        }

        List<FixNote> fixed() {
            return fixed;
        }

        List<FixNote> left() {
            return left;
        }

        String newline() {
            return dockerfile.text().contains("\r\n") ? "\r\n" : "\n";
        }

        void leave(Finding finding, String reason) {
            left.add(new FixNote(finding.rule(), finding.line(), reason));
        }

        void replace(TextEdit edit, FixNote note) {
            replacements.add(edit);
            fixed.add(note);
        }

        /**
         * Inserts lines where the final stage's process starts: before its first CMD/ENTRYPOINT after every RUN and
         * USER (so that nothing the build still does as root runs as the new user), else after its last instruction.
         */
        void insertBeforeStart(Stage stage, String lines, FixNote note) {
            List<Instruction> instructions = stage.instructions();
            int after = -1;
            for (int i = 0; i < instructions.size(); i++) {
                String keyword = instructions.get(i).keyword();
                if (keyword.equals("run") || keyword.equals("user")) {
                    after = i;
                }
            }
            Instruction anchor = null;
            for (int i = after + 1; i < instructions.size() && anchor == null; i++) {
                String keyword = instructions.get(i).keyword();
                if (keyword.equals("cmd") || keyword.equals("entrypoint")) {
                    anchor = instructions.get(i);
                }
            }
            String text = dockerfile.text();
            if (anchor != null) {
                insert(startOfCommentsAbove(anchor), lines);
            } else {
                Instruction last = instructions.isEmpty() ? stage.from() : instructions.get(instructions.size() - 1);
                int lineEnd = text.indexOf('\n', last.written().span().endOffset());
                if (lineEnd < 0) {
                    insert(text.length(), newline() + lines.substring(0, lines.length() - newline().length()));
                } else {
                    insert(lineEnd + 1, lines);
                }
            }
            fixed.add(note);
        }

        /** Where the comment lines just above an instruction start, which stay with it. */
        private int startOfCommentsAbove(Instruction instruction) {
            String text = dockerfile.text();
            Instruction.Written written = instruction.written();
            int start = written.span().startOffset() - (written.span().startColumn() - 1);
            for (int comments = written.comments().size(); comments > 0 && start > 0; comments--) {
                int previous = text.lastIndexOf('\n', start - 2) + 1;
                if (!text.substring(previous, start).strip().startsWith("#")) {
                    break;
                }
                start = previous;
            }
            return start;
        }

        void insertAfterKeyword(Instruction instruction, String text, FixNote note) {
            Instruction.Written written = instruction.written();
            int start = written.span().startOffset();
            if (dockerfile.text().startsWith(written.keyword(), start)) {
                insert(start + written.keyword().length(), text);
                fixed.add(note);
            }
        }

        private void insert(int offset, String text) {
            insertions.computeIfAbsent(offset, ignored -> new StringBuilder()).append(text);
        }
    }
}
