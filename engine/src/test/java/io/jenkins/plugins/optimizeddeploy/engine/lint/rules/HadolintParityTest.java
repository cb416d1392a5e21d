package io.jenkins.plugins.optimizeddeploy.engine.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.optimizeddeploy.engine.dockerfile.DockerfileParser;
import io.jenkins.plugins.optimizeddeploy.engine.lint.AnalyzedDockerfile;
import io.jenkins.plugins.optimizeddeploy.engine.lint.LabelType;
import io.jenkins.plugins.optimizeddeploy.engine.lint.LintConfiguration;
import io.jenkins.plugins.optimizeddeploy.engine.lint.Rule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The behaviours hadolint's own rule specifications pin down, rule by rule, restated as our cases: a Dockerfile
 * (a FROM is added when the case has none) and how many times the rule must report on it. The label-schema rules
 * run with one schema and strict labels; DL3049 alone requires just the label {@code owner}.
 */
class HadolintParityTest {
    private static final Map<String, LabelType> SCHEMA = Map.of("owner", LabelType.TEXT, "homepage", LabelType.URL,
            "built", LabelType.RFC3339, "license", LabelType.SPDX, "commit", LabelType.HASH, "release",
            LabelType.SEMVER, "contact", LabelType.EMAIL);
    private static final List<Rule> RULES =
            RuleRegistry.rules(LintConfiguration.defaults().requiringLabels(SCHEMA).withStrictLabels(true));
    private static final List<Rule> OWNER_REQUIRED =
            RuleRegistry.rules(LintConfiguration.defaults().requiringLabels(Map.of("owner", LabelType.TEXT)));

    record Case(String ruleId, String dockerfile, int reports) {
        @Override
        public String toString() {
            return ruleId + " x" + reports + ": " + dockerfile.replace("\n", " \\n ");
        }
    }

    private static final List<Case> CASES = new ArrayList<>();

    static {
        // DL3008: apt-get install needs pinned packages wherever install stands; -t takes the release
        flags("DL3008", "RUN apt-get update && apt-get install ruby");
        passes("DL3008", "RUN apt-get update && apt-get -yqq --no-install-recommends install ruby=3.1 && rm -rf /x");
        passes("DL3008", "RUN apt-get install -y --no-install-recommends \\\n lib-a=1.2* \\\n lib-b=1:2.5*");
        passes("DL3008", "RUN apt-get install ./local-tool_1.0_amd64.deb");
        passes("DL3008", "RUN apt-get install -y -t bookworm-backports git=1:2.43");
        flags("DL3008", "RUN apt-get -o Acquire::Retries=3 install git");
        // DL3009: apt, apt-get and aptitude update; cleanup in the same RUN; mounts; stages in the image
        flags("DL3009", "RUN apt-get update && apt-get install ruby");
        flags("DL3009", "RUN apt update && apt install ruby");
        flags("DL3009", "RUN aptitude update && aptitude install ruby");
        passes("DL3009", "RUN aptitude update && aptitude install ruby && rm -rf /var/lib/apt/lists/*");
        passes("DL3009", "FROM debian:12 AS deps\nRUN apt-get update\nFROM debian:12\nRUN true");
        flags("DL3009", "FROM debian:12 AS deps\nRUN apt-get update\nFROM deps\nRUN true");
        passes("DL3009", "RUN --mount=type=cache,target=/var/lib/apt/lists apt-get update");
        passes("DL3009", "RUN --mount=type=tmpfs,target=/var/cache/apt --mount=type=cache,target=/var/lib/apt"
                + " apt-get update");
        flags("DL3009", "RUN --mount=type=cache,target=/var/cache/apt apt-get update");
        flags("DL3009", "RUN --mount=type=cache,target=/var/lib/apt apt-get update");
        // DL3010: a context archive copied, then extracted in the same stage
        flags("DL3010", "COPY bundle.tar /opt/app\nRUN tar -xf /opt/app/bundle.tar");
        flags("DL3010", "COPY bundle.tar /opt/app\nWORKDIR /opt/app\nRUN make && tar -xf bundle.tar");
        flags("DL3010", "COPY dist/bundle.tar /b.tar\nRUN tar -xf /b.tar");
        flags("DL3010", "COPY out\\\\x.tar.gz \"C:\\\\Apps\\\\x.tar.gz\"\nRUN tar -xf x.tar.gz");
        passes("DL3010", "COPY bundle.tar /opt/app\nFROM debian:12 AS next");
        passes("DL3010", "COPY package.json /opt/app");
        passes("DL3010", "COPY --from=builder /out/bundle.tar /opt/bundle.tar\nRUN tar -xf /opt/bundle.tar");
        // DL3013: pip, pip3, python -m pip, pipx; requirements, constraints, VCS refs, paths, files
        flags("DL3013", "RUN pip3 install flask");
        flags("DL3013", "RUN python3 -m pip install flask");
        flags("DL3013", "RUN pipx install black");
        passes("DL3013", "RUN pipenv install black");
        passes("DL3013", "RUN pip install flask~=3.0");
        passes("DL3013", "RUN pip install flask===3.0.0");
        passes("DL3013", "RUN pip install 'flask<4'");
        passes("DL3013", "RUN pip install app.whl");
        passes("DL3013", "RUN pip install app.tar.gz");
        passes("DL3013", "RUN pip install --requirement requirements.txt");
        passes("DL3013", "RUN pip install .");
        passes("DL3013", "RUN pip install flask -c constraints.txt");
        passes("DL3013", "RUN pip3 install --target /opt/tools tool==1.0");
        passes("DL3013", "RUN pip install --index-url https://u:p@example.com/simple tool==1.0");
        passes("DL3013", "RUN pip install git+https://example.com/org/tool.git@v1.0#egg=tool");
        flags("DL3013", "RUN pip install git+ssh://example.com/org/tool.git#egg=tool");
        passes("DL3013", "RUN pip install vendor/tool");
        passes("DL3013", "RUN pipx install --python \"$(which python3)\" \"tool==1.0\"");
        flags("DL3013", "RUN pip install --root-user-action=ignore tool");
        // DL3014: -y, --yes, --assume-yes, or quiet level two
        flags("DL3014", "RUN apt-get install ruby=3");
        flags("DL3014", "RUN apt-get install --quiet ruby=3");
        passes("DL3014", "RUN apt-get install -qy ruby=3");
        passes("DL3014", "RUN apt-get --assume-yes install ruby=3");
        passes("DL3014", "RUN apt-get install -q -q ruby=3");
        passes("DL3014", "RUN apt-get install --quiet --quiet ruby=3");
        passes("DL3014", "RUN apt-get install -q=2 ruby=3");
        // DL3015
        flags("DL3015", "RUN apt-get -y install ruby=3");
        passes("DL3015", "RUN apt-get -o APT::Install-Recommends=false install ruby=3");
        // DL3016: install must be npm's first word; @version, #ref for git, tarballs and folders
        passes("DL3016", "RUN npm install --progress=false");
        passes("DL3016", "RUN npm install @org/lib@\">=1.0.0 <2.0.0\"");
        passes("DL3016", "RUN npm install lib-1.2.3.tgz ../folder ~/other");
        passes("DL3016", "RUN npm install git+https://example.com/org/lib.git#v1.0.0");
        passes("DL3016", "RUN npm run --silent install");
        passes("DL3016", "RUN npm install --registry https://npm.example.com lib@1.0.0");
        flags("DL3016", "RUN npm install @org/lib");
        flags("DL3016", "RUN npm install git://example.com/org/lib.git");
        flags("DL3016", "RUN npm install --registry=https://npm.example.com lib");
        // DL3018: =, ~, <, > pin; --virtual, --repository and -X take values
        flags("DL3018", "RUN apk add --no-cache curl=8.5.0-r0 jq");
        passes("DL3018", "RUN apk add --no-cache \"curl>=8\" \"jq~1.7\" \"git=~2.43\"");
        passes("DL3018", "RUN apk add --virtual .build gcc=13.2.1-r0");
        passes("DL3018", "RUN apk add --no-cache -X https://mirror.example.com/edge/testing tool=1.0-r0");
        passes("DL3018", "RUN apk add local-1.0.apk");
        // DL3019: --no-cache or a cache or tmpfs mount on /var/cache/apk
        flags("DL3019", "RUN apk add curl=8.5.0-r0");
        passes("DL3019", "RUN --mount=type=tmpfs,target=/var/cache/apk apk add -U curl=8.5.0-r0");
        flags("DL3019", "RUN --mount=type=cache,target=/var/cache/other apk add -U curl=8.5.0-r0");
        // DL3028: gem:version or -v/--version; options take a value; nothing after --
        flags("DL3028", "RUN gem i rake:13 rspec");
        passes("DL3028", "RUN gem install rake --version='13.0'");
        passes("DL3028", "RUN gem install nokogiri:1.16 -- --use-system-libraries true");
        passes("DL3028", "RUN gem install nokogiri:1.16 --use-system-libraries=true");
        // DL3030, DL3038: yum, dnf and microdnf need -y
        flags("DL3030", "RUN yum install httpd-2.4.57 && yum clean all");
        passes("DL3030", "RUN bash -c `# no yum at all`");
        flags("DL3038", "RUN microdnf install httpd-2.4.57 && microdnf clean all");
        passes("DL3038", "RUN otherdnf install httpd");
        // DL3032, DL3040, DL3036: the first install before the first clean of the same program
        flags("DL3032", "RUN yum clean all && yum install -y httpd-2.4.57");
        passes("DL3032", "RUN yum install -y httpd-2.4.57 && rm -rf /var/cache/yum/*");
        flags("DL3040", "RUN dnf in -y httpd-2.4.57");
        flags("DL3040", "RUN dnf -y upgrade-minimal");
        flags("DL3040", "RUN dnf -y rei");
        passes("DL3040", "RUN dnf -y up && dnf clean all");
        flags("DL3040", "RUN dnf install -y httpd-2.4.57 && microdnf clean all");
        flags("DL3040", "RUN rm -rf /var/cache/libdnf5 && dnf install -y httpd-2.4.57");
        passes("DL3040", "RUN dnf install -y httpd-2.4.57 && rm -rf /var/cache/yum/*");
        passes("DL3040", "RUN --mount=type=tmpfs,target=/var/cache/libdnf5 microdnf install -y httpd-2.4.57");
        flags("DL3036", "RUN zypper install -y nginx=1.24");
        flags("DL3036", "RUN zypper clean && zypper install -y nginx=1.24");
        passes("DL3036", "RUN zypper in -y nginx=1.24 && zypper cc");
        passes("DL3036", "RUN --mount=type=cache,target=/var/cache/zypp zypper install -y nginx");
        // DL3033, DL3041: rpm versions after a dash, epochs, modules with a stream, variables, groups
        flags("DL3033", "RUN yum install -y nginx && yum clean all");
        passes("DL3033", "RUN yum install -y nginx-1.24.0 && yum clean all");
        passes("DL3033", "RUN yum install -y libcurl-devel-7.76.1 libstdc++-devel-11.4 bind-utils-32:9.16");
        flags("DL3033", "RUN yum module install -y nodejs");
        passes("DL3033", "RUN yum module install -y nodejs:20");
        passes("DL3033", "ENV TOOL_VERSION=2.4.1-1.el9\nRUN yum -y install tool-${TOOL_VERSION}");
        passes("DL3033", "ARG TOOL_VERSION=2.4.1-1.el9\nRUN yum -y install tool-$TOOL_VERSION");
        passes("DL3033", "FROM fedora:40 AS one\nARG V=1-1\nFROM fedora:40\nRUN yum -y install tool-${V}");
        passes("DL3033", "FROM fedora:40 AS one\nENV V=1-1\nFROM one\nRUN yum -y install tool-${V}");
        flags("DL3033", "FROM fedora:40 AS one\nENV V=1-1\nFROM fedora:40\nRUN yum -y install tool-${V}");
        flags("DL3041", "RUN microdnf install -y lib-devel && microdnf clean all");
        passes("DL3041", "RUN dnf install -y lib-devel-2.1.0 && dnf clean all");
        passes("DL3041", "RUN otherdnf install nginx");
        flags("DL3041", "RUN dnf module install -y nodejs");
        passes("DL3041", "RUN dnf -y --setopt=group_package_types=mandatory group install \"Development Tools\"");
        passes("DL3041", "ENV V=1-1\nRUN dnf -y install tool-${V}");
        // DL3034, DL3035, DL3037: zypper
        flags("DL3034", "RUN zypper install nginx=1.24 && zypper clean");
        passes("DL3034", "RUN zypper install --no-confirm nginx=1.24 && zypper clean");
        passes("DL3034", "RUN zypper rm -n nginx");
        flags("DL3034", "RUN zypper patch");
        flags("DL3035", "RUN zypper dup");
        flags("DL3035", "RUN zypper -n dist-upgrade");
        passes("DL3035", "RUN zypper up -y");
        flags("DL3037", "RUN zypper install -y nginx && zypper clean");
        passes("DL3037", "RUN zypper install -y nginx=1.24 lib\\>=2 tool\\<3 && zypper clean");
        passes("DL3037", "RUN zypper in -y nginx-1.24-1.rpm");
        // DL3042: --no-cache-dir, PIP_NO_CACHE_DIR true by ENV (inherited) or in the RUN, mounts, wrappers
        flags("DL3042", "RUN pip2 install flask==3");
        passes("DL3042", "RUN pip install flask==3 --no-cache-dir");
        passes("DL3042", "RUN pipx install tool && pipenv install lib");
        passes("DL3042", "ENV PIP_NO_CACHE_DIR=on\nRUN pip install flask==3");
        flags("DL3042", "ENV PIP_NO_CACHE_DIR=off\nRUN pip install flask==3");
        passes("DL3042", "RUN PIP_NO_CACHE_DIR=yes pip install flask==3");
        flags("DL3042", "RUN PIP_NO_CACHE_DIR=no pip install flask==3");
        passes("DL3042", "RUN export PIP_NO_CACHE_DIR=TRUE && pip install flask==3");
        flags("DL3042", "RUN export PIP_NO_CACHE_DIR=0 && pip install flask==3");
        passes("DL3042", "FROM python:3 AS base\nENV PIP_NO_CACHE_DIR=1\nFROM base\nRUN pip install flask==3");
        flags("DL3042", "FROM python:3 AS base\nENV PIP_NO_CACHE_DIR=1\nFROM python:3\nRUN pip install flask==3");
        passes("DL3042", "RUN --mount=type=tmpfs,target=/root/.cache/pip pip install flask");
        // DL3048: start with a letter, end with a letter or digit, [a-z0-9._/-], no doubled separators
        flags("DL3048", "LABEL io.docker.thing=x");
        flags("DL3048", "LABEL some$key=x");
        flags("DL3048", "LABEL .key=x");
        flags("DL3048", "LABEL 9key=x");
        flags("DL3048", "LABEL some--key=x");
        passes("DL3048", "LABEL org.example_team/key-2=x");
        // DL3049: a required label per image, inherited from named stages, not needed in copied-from stages
        flags("DL3049", "FROM alpine:3\nLABEL other=x");
        passes("DL3049", "FROM alpine:3\nLABEL owner=\"team\"");
        expect("DL3049", "FROM one:1\nFROM two:1", 2);
        expect("DL3049", "FROM one:1\nLABEL owner=a\nFROM two:1", 1);
        expect("DL3049", "FROM one:1 AS base\nFROM base", 2);
        expect("DL3049", "FROM one:1 AS base\nFROM base\nLABEL owner=a", 0);
        expect("DL3049", "FROM one:1 AS base\nLABEL owner=a\nFROM base", 0);
        expect("DL3049", "FROM one:1 AS base\nFROM two:1\nLABEL owner=a\nCOPY --from=base /a /b", 0);
        expect("DL3049", "FROM one:1 AS base\nFROM two:1\nLABEL owner=a", 1);
        expect("DL3049", "FROM one:1 AS base\nFROM two:1\nLABEL owner=a\nCOPY --from=base /a /b\nFROM two:1\n"
                + "COPY --from=base /a /b", 1);
        expect("DL3049", "FROM one:1 AS base\nFROM base\nLABEL owner=a\nFROM base", 1);
        // DL3050 (strict labels), DL3051 to DL3058: the values the schema asks for
        passes("DL3050", "LABEL owner=\"team\"");
        flags("DL3050", "LABEL owner=\"team\" colour=\"blue\"");
        flags("DL3051", "LABEL owner=\"\"");
        passes("DL3051", "LABEL unrelated=\"\"");
        flags("DL3052", "LABEL homepage=\"example.com/docs\"");
        passes("DL3052", "LABEL homepage=\"https://example.com/docs\"");
        flags("DL3053", "LABEL built=\"yesterday\"");
        passes("DL3053", "LABEL built=\"2024-02-29T23:59:01.123456789-05:00\"");
        flags("DL3053", "LABEL built=\"2024-02-30T10:00:00Z\"");
        // DL3054: hadolint 2.15.1 parses the value as one Cabal 3.12 LicenseId: a current (not deprecated) id of
        // SPDX License List 3.23, exactly as spelled, trailing whitespace allowed; no expression, no exception,
        // no LicenseRef. The spdx-license-ids 3.0.17 the engine reads carries that same list (606 ids), so
        // ids added after 3.23 are flagged and ids deprecated after it still pass, as in hadolint.
        flags("DL3054", "LABEL license=\"not-spdx\"");
        // hadolint checks no ONBUILD LABEL (its onBuild spec helpers wrap only RUN, so they test the bare LABEL)
        passes("DL3054", "ONBUILD LABEL license=\"not-spdx\"");
        passes("DL3054", "LABEL license=\"BSD-3-Clause\"");
        passes("DL3054", "LABEL other=\"fooo\"");
        passes("DL3054", "LABEL license=\"Apache-2.0\"");
        passes("DL3054", "LABEL license=\"MIT \"");
        flags("DL3054", "LABEL license=\" MIT\"");
        flags("DL3054", "LABEL license=\"mit\"");
        flags("DL3054", "LABEL license=\"GPL-2.0\"");
        flags("DL3054", "LABEL license=\"GPL-2.0+\"");
        flags("DL3054", "LABEL license=\"BSD-2-Clause-FreeBSD\"");
        flags("DL3054", "LABEL license=\"MIT OR Apache-2.0\"");
        flags("DL3054", "LABEL license=\"GPL-2.0-only WITH Classpath-exception-2.0\"");
        flags("DL3054", "LABEL license=\"LicenseRef-proprietary\"");
        flags("DL3054", "LABEL license=\"NONE\"");
        passes("DL3054", "LABEL license=\"Unicode-3.0\"");
        passes("DL3054", "LABEL license=\"xkeyboard-config-Zinoviev\"");
        passes("DL3054", "LABEL license=\"Net-SNMP\"");
        flags("DL3054", "LABEL license=\"3D-Slicer-1.0\"");
        flags("DL3055", "LABEL commit=\"main\"");
        passes("DL3055", "LABEL commit=\"0a1b2c3\"");
        passes("DL3055", "LABEL commit=\"" + "0123456789abcdef0123456789abcdef01234567" + "\"");
        flags("DL3055", "LABEL commit=\"0A1B2C3\"");
        flags("DL3056", "LABEL release=\"v1\"");
        passes("DL3056", "LABEL release=\"2.10.0-rc.1+build.5\"");
        flags("DL3056", "LABEL release=\"01.2.3\"");
        flags("DL3058", "LABEL contact=\"team at example\"");
        passes("DL3058", "LABEL contact=\"team@example.com\"");
        // DL3059: consecutive single-command RUNs with equal flags; comments do not separate them
        flags("DL3059", "RUN /a.sh\n# why\n# and why not\nRUN /b.sh");
        passes("DL3059", "RUN /a.sh\nWORKDIR /\nRUN /b.sh");
        passes("DL3059", "RUN --mount=type=secret,id=a /a.sh\nRUN --mount=type=secret,id=b /b.sh");
        flags("DL3059", "RUN --mount=type=secret,id=a /a.sh\nRUN --mount=type=secret,id=a /b.sh");
        passes("DL3059", "RUN a; b\nRUN c");
        passes("DL3059", "RUN c\nRUN a && b");
        flags("DL3059", "RUN a && b\nRUN c\nRUN d");
        // DL3060: yarn cache clean after the install, cache mounts, stages in the image
        flags("DL3060", "RUN yarn install lib");
        flags("DL3060", "RUN yarn cache clean && yarn install lib");
        passes("DL3060", "RUN --mount=type=tmpfs,target=/usr/local/share/.cache/yarn yarn install");
        flags("DL3060", "RUN --mount=type=cache,target=/var/lib/other yarn install");
        passes("DL3060", "FROM node:20 AS deps\nRUN yarn install\nFROM scratch\nRUN true");
        flags("DL3060", "FROM node:20 AS deps\nRUN yarn install\nFROM deps\nRUN true");
    }

    static List<Case> cases() {
        return CASES;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void shouldReportAsHadolintsSpecificationSays(Case example) {
        List<Rule> rules = example.ruleId().equals("DL3049") ? OWNER_REQUIRED : RULES;
        Rule rule = rules.stream().filter(candidate -> candidate.id().equals(example.ruleId())).findFirst()
                .orElseThrow(() -> new AssertionError("No rule " + example.ruleId() + " in the registry"));
        String dockerfile = example.dockerfile().startsWith("FROM ") ? example.dockerfile()
                : "FROM debian:12\n" + example.dockerfile();

        assertThat(rule.check(new AnalyzedDockerfile(DockerfileParser.parse(dockerfile + "\n"))))
                .as("%s on%n%s", example.ruleId(), dockerfile).hasSize(example.reports());
    }

    private static void flags(String ruleId, String dockerfile) {
        expect(ruleId, dockerfile, 1);
    }

    private static void passes(String ruleId, String dockerfile) {
        expect(ruleId, dockerfile, 0);
    }

    private static void expect(String ruleId, String dockerfile, int reports) {
        CASES.add(new Case(ruleId, dockerfile, reports));
    }
}
