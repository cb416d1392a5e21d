package io.jenkins.plugins.optimizeddeploy.engine.lint.rules;

import io.jenkins.plugins.optimizeddeploy.engine.lint.LabelType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * For every rule, Dockerfiles it flags and Dockerfiles it does not flag, as one-liners ({@code \n} between lines).
 * The trusted registries of DL3026 in these examples are docker.io and registry.example.com; the label rules run
 * with {@link #LABEL_SCHEMA} and strict labels.
 */
final class RuleExamples {
    static final List<String> TRUSTED_REGISTRIES = List.of("docker.io", "registry.example.com");
    /** The label schema of the label rules' examples (DL3049 to DL3058), with strict labels. */
    static final Map<String, LabelType> LABEL_SCHEMA = Map.of("title", LabelType.TEXT, "url", LabelType.URL,
            "created", LabelType.RFC3339, "licenses", LabelType.SPDX, "revision", LabelType.HASH, "version",
            LabelType.SEMVER, "authors", LabelType.EMAIL);
    private static final String ALL_LABELS = "LABEL title=App url=https://example.com created=2024-01-01T00:00:00Z"
            + " licenses=MIT revision=0a1b2c3 version=1.0.0 authors=team@example.com";

    /** One rule's examples. */
    record Example(String ruleId, List<String> flags, List<String> doesNotFlag) {
    }

    static final List<Example> ALL = new ArrayList<>();

    static {
        rule("DL3000", List.of("FROM a:1\nWORKDIR app", "FROM a:1\nWORKDIR \"app/x\""),
                List.of("FROM a:1\nWORKDIR /app", "FROM a:1\nWORKDIR $HOME/app", "FROM a:1\nWORKDIR \"/app\"",
                        "FROM a:1\nWORKDIR C:\\\\app"));
        rule("DL3001", List.of("FROM a:1\nRUN apt-get update && service nginx start", "FROM a:1\nRUN top -b -n 1"),
                List.of("FROM a:1\nRUN echo ps", "FROM a:1\nRUN apt-get install -y procps=2"));
        rule("DL3002", List.of("FROM a:1\nUSER app\nUSER root", "FROM a:1\nUSER 0:0",
                        "FROM a:1 AS build\nUSER root\nFROM a:1\nUSER app"),
                List.of("FROM a:1\nUSER root\nRUN x\nUSER app", "FROM a:1\nRUN x", "FROM a:1\nUSER rooted"));
        rule("DL3003", List.of("FROM a:1\nRUN cd /tmp && make", "FROM a:1\nRUN make; cd out"),
                List.of("FROM a:1\nWORKDIR /tmp\nRUN make", "FROM a:1\nRUN echo cd"));
        rule("DL3004", List.of("FROM a:1\nRUN sudo apt-get update", "FROM a:1\nRUN make && sudo make install"),
                List.of("FROM a:1\nRUN make install", "FROM a:1\nRUN echo sudo"));
        rule("DL3006", List.of("FROM debian", "FROM registry.example.com:5000/team/app",
                        "ARG BASE=debian\nFROM ${BASE}"),
                List.of("FROM debian:12", "FROM scratch", "FROM debian@sha256:" + "a".repeat(64),
                        "FROM debian:12 AS build\nFROM build", "ARG BASE\nFROM ${BASE}",
                        "FROM registry.example.com:5000/team/app:1"));
        rule("DL3007", List.of("FROM debian:latest", "ARG TAG=latest\nFROM debian:${TAG}"),
                List.of("FROM debian:12", "FROM debian:latest@sha256:" + "a".repeat(64), "FROM latest:1"));
        rule("DL3008", List.of("FROM a:1\nRUN apt-get install -y curl", "FROM a:1\nRUN apt-get install -y curl=7.88 git"),
                List.of("FROM a:1\nRUN apt-get install -y curl=7.88", "FROM a:1\nRUN apt-get update",
                        "FROM a:1\nRUN apt-get install -y ./local.deb",
                        "FROM a:1\nRUN apt-get -o Dpkg::Options::=--force-confnew install -y curl=7.88"));
        rule("DL3009", List.of("FROM a:1\nRUN apt-get update && apt-get install -y curl=1",
                        "FROM a:1 AS base\nRUN apt-get update\nFROM base"),
                List.of("FROM a:1\nRUN apt-get update && apt-get install -y curl=1 && rm -rf /var/lib/apt/lists/*",
                        "FROM a:1 AS build\nRUN apt-get update\nFROM b:1\nCOPY --from=build /x /x",
                        "FROM a:1\nRUN --mount=type=cache,target=/var/lib/apt/lists apt-get update",
                        "FROM a:1\nRUN apt-get update; apt-get install -y x=1; apt-get dist-clean"));
        rule("DL3010", List.of("FROM a:1\nCOPY app.tgz /opt/\nRUN tar -xzf /opt/app.tgz"),
                List.of("FROM a:1\nADD app.tgz /opt/", "FROM a:1\nCOPY app.tgz /opt/",
                        "FROM a:1\nCOPY --from=b:1 /app.tgz /opt/\nRUN tar -xzf /opt/app.tgz"));
        rule("DL3011", List.of("FROM a:1\nEXPOSE 80000", "FROM a:1\nEXPOSE 8000-70000/tcp"),
                List.of("FROM a:1\nEXPOSE 8080", "FROM a:1\nEXPOSE 65535/udp", "FROM a:1\nEXPOSE ${PORT}"));
        rule("DL3012", List.of("FROM a:1\nHEALTHCHECK CMD a\nHEALTHCHECK CMD b"),
                List.of("FROM a:1\nHEALTHCHECK CMD a", "FROM a:1\nHEALTHCHECK CMD a\nFROM b:1\nHEALTHCHECK CMD b"));
        rule("DL3013", List.of("FROM a:1\nRUN pip install requests", "FROM a:1\nRUN pip3 install --user flask==3 six"),
                List.of("FROM a:1\nRUN pip install requests==2.31", "FROM a:1\nRUN pip install -r requirements.txt",
                        "FROM a:1\nRUN pip install ./dist/app.whl", "FROM a:1\nRUN pip install 'requests>=2'"));
        rule("DL3014", List.of("FROM a:1\nRUN apt-get install curl=1", "FROM a:1\nRUN apt-get -q install curl=1"),
                List.of("FROM a:1\nRUN apt-get install -y curl=1", "FROM a:1\nRUN apt-get -qy install curl=1",
                        "FROM a:1\nRUN apt-get install --yes curl=1", "FROM a:1\nRUN apt-get -qq install curl=1",
                        "FROM a:1\nRUN apt-get update"));
        rule("DL3015", List.of("FROM a:1\nRUN apt-get install -y curl=1"),
                List.of("FROM a:1\nRUN apt-get install -y --no-install-recommends curl=1",
                        "FROM a:1\nRUN apt-get -o APT::Install-Recommends=false install -y curl=1"));
        rule("DL3016", List.of("FROM a:1\nRUN npm install express", "FROM a:1\nRUN npm i -g @angular/cli"),
                List.of("FROM a:1\nRUN npm install", "FROM a:1\nRUN npm install express@4.18.2",
                        "FROM a:1\nRUN npm i -g @angular/cli@17", "FROM a:1\nRUN npm install ./local",
                        "FROM a:1\nRUN npm ci"));
        rule("DL3018", List.of("FROM a:1\nRUN apk add --no-cache curl", "FROM a:1\nRUN apk add -t .deps gcc=1 make"),
                List.of("FROM a:1\nRUN apk add --no-cache curl=8.5.0-r0", "FROM a:1\nRUN apk update",
                        "FROM a:1\nRUN apk add --virtual .deps gcc=1"));
        rule("DL3019", List.of("FROM a:1\nRUN apk add curl=1", "FROM a:1\nRUN apk update && apk add curl=1"),
                List.of("FROM a:1\nRUN apk add --no-cache curl=1",
                        "FROM a:1\nRUN --mount=type=cache,target=/var/cache/apk apk add curl=1"));
        rule("DL3020", List.of("FROM a:1\nADD app.jar /app/", "FROM a:1\nADD [\"src\", \"/src\"]"),
                List.of("FROM a:1\nADD https://example.com/a.tgz /x", "FROM a:1\nADD rootfs.tar.gz /",
                        "FROM a:1\nCOPY app.jar /app/", "FROM a:1\nADD git@github.com:a/b.git /src"));
        rule("DL3021", List.of("FROM a:1\nCOPY a b c", "FROM a:1\nCOPY [\"a\", \"b\", \"/c\"]"),
                List.of("FROM a:1\nCOPY a b c/", "FROM a:1\nCOPY a b", "FROM a:1\nCOPY [\"a\", \"b\", \"c/\"]"));
        rule("DL3022", List.of("FROM a:1\nCOPY --from=build /x /x", "FROM a:1\nCOPY --from=1 /x /x",
                        "FROM a:1\nCOPY --from=later /x /x\nFROM b:1 AS later"),
                List.of("FROM a:1 AS build\nFROM b:1\nCOPY --from=build /x /x", "FROM a:1\nFROM b:1\nCOPY --from=0 /x /x",
                        "FROM a:1\nCOPY --from=nginx:1.25 /etc/nginx /etc/nginx",
                        "ARG S=build\nFROM a:1 AS build\nFROM b:1\nCOPY --from=${S} /x /x"));
        rule("DL3023", List.of("FROM a:1 AS build\nCOPY --from=build /x /y", "FROM a:1 AS Build\nCOPY --from=BUILD /x /y"),
                List.of("FROM a:1 AS build\nFROM b:1 AS app\nCOPY --from=build /x /y", "FROM a:1\nCOPY /x /y"));
        rule("DL3024", List.of("FROM a:1 AS build\nFROM b:1 AS build"),
                List.of("FROM a:1 AS build\nFROM b:1 AS app", "FROM a:1\nFROM b:1"));
        rule("DL3025", List.of("FROM a:1\nCMD node server.js", "FROM a:1\nENTRYPOINT /entrypoint.sh"),
                List.of("FROM a:1\nCMD [\"node\", \"server.js\"]", "FROM a:1\nENTRYPOINT [\"/entrypoint.sh\"]"));
        rule("DL3026", List.of("FROM quay.io/app/base:1", "FROM 127.0.0.1:5000/base:1"),
                List.of("FROM debian:12", "FROM registry.example.com/team/base:1", "FROM scratch",
                        "FROM debian:12 AS build\nFROM build"));
        rule("DL3027", List.of("FROM a:1\nRUN apt install -y curl=1", "FROM a:1\nRUN apt update"),
                List.of("FROM a:1\nRUN apt-get install -y curl=1", "FROM a:1\nRUN apt-cache policy curl"));
        rule("DL3028", List.of("FROM a:1\nRUN gem install rails", "FROM a:1\nRUN gem i bundler puma:6"),
                List.of("FROM a:1\nRUN gem install rails:7.1.3", "FROM a:1\nRUN gem install rails -v 7.1.3",
                        "FROM a:1\nRUN gem update --system"));
        rule("DL3029", List.of("FROM --platform=linux/amd64 debian:12", "FROM --platform=$MYPLATFORM debian:12"),
                List.of("FROM --platform=$BUILDPLATFORM debian:12", "FROM --platform=${TARGETPLATFORM} debian:12",
                        "FROM debian:12"));
        rule("DL3030", List.of("FROM a:1\nRUN yum install httpd-2.4", "FROM a:1\nRUN yum groupinstall Tools"),
                List.of("FROM a:1\nRUN yum install -y httpd-2.4", "FROM a:1\nRUN yum --assumeyes install httpd-2.4",
                        "FROM a:1\nRUN yum clean all"));
        rule("DL3032", List.of("FROM a:1\nRUN yum install -y httpd-2.4",
                        "FROM a:1\nRUN yum clean all && yum install -y httpd-2.4"),
                List.of("FROM a:1\nRUN yum install -y httpd-2.4 && yum clean all",
                        "FROM a:1\nRUN yum install -y httpd-2.4 && rm -rf /var/cache/yum/*", "FROM a:1\nRUN yum makecache"));
        rule("DL3033", List.of("FROM a:1\nRUN yum install -y httpd", "FROM a:1\nRUN yum module install -y nodejs"),
                List.of("FROM a:1\nRUN yum install -y httpd-2.4.57", "FROM a:1\nRUN yum module install -y nodejs:20",
                        "FROM a:1\nARG V=2.4-1\nRUN yum install -y httpd-${V}"));
        rule("DL3034", List.of("FROM a:1\nRUN zypper install nginx=1.24", "FROM a:1\nRUN zypper rm nginx"),
                List.of("FROM a:1\nRUN zypper install -y nginx=1.24", "FROM a:1\nRUN zypper -n in nginx=1.24"));
        rule("DL3035", List.of("FROM a:1\nRUN zypper dist-upgrade", "FROM a:1\nRUN zypper -n dup"),
                List.of("FROM a:1\nRUN zypper update -y"));
        rule("DL3036", List.of("FROM a:1\nRUN zypper install -y nginx=1.24"),
                List.of("FROM a:1\nRUN zypper install -y nginx=1.24 && zypper clean",
                        "FROM a:1\nRUN --mount=type=cache,target=/var/cache/zypp zypper install -y nginx=1.24"));
        rule("DL3037", List.of("FROM a:1\nRUN zypper install -y nginx"),
                List.of("FROM a:1\nRUN zypper install -y nginx=1.24", "FROM a:1\nRUN zypper install -y 'nginx>=1.24'"));
        rule("DL3038", List.of("FROM a:1\nRUN dnf install httpd-2.4", "FROM a:1\nRUN microdnf install httpd-2.4"),
                List.of("FROM a:1\nRUN dnf install -y httpd-2.4", "FROM a:1\nRUN dnf clean all"));
        rule("DL3040", List.of("FROM a:1\nRUN dnf install -y httpd-2.4"),
                List.of("FROM a:1\nRUN dnf install -y httpd-2.4 && dnf clean all",
                        "FROM a:1\nRUN microdnf install -y x-1 && microdnf clean all"));
        rule("DL3041", List.of("FROM a:1\nRUN dnf install -y httpd", "FROM a:1\nRUN microdnf install -y httpd"),
                List.of("FROM a:1\nRUN dnf install -y httpd-2.4.57", "FROM a:1\nRUN dnf group install -y Tools"));
        rule("DL3042", List.of("FROM a:1\nRUN pip install requests==2", "FROM a:1\nRUN pip3 install -r req.txt"),
                List.of("FROM a:1\nRUN pip install --no-cache-dir requests==2",
                        "FROM a:1\nENV PIP_NO_CACHE_DIR=1\nRUN pip install requests==2",
                        "FROM a:1\nRUN --mount=type=cache,target=/root/.cache/pip pip install requests==2",
                        "FROM a:1\nRUN pip download requests==2"));
        rule("DL3044", List.of("FROM a:1\nENV A=1 B=$A", "FROM a:1\nENV PATH_ROOT=/opt BIN=${PATH_ROOT}/bin",
                        "FROM a:1\nENV A=1 B=${A:-x}", "FROM a:1\nENV A=1 B=x$A/y", "FROM a:1\nENV A=1 B=$AB:$A"),
                List.of("FROM a:1\nENV A=1\nENV B=$A", "FROM a:1\nENV A=1\nENV A=2 B=$A", "FROM a:1\nENV A=1 B=$AB",
                        "FROM a:1\nENV A=1 B=${AB}", "FROM a:1\nENV A=1 B=$A_1", "FROM a:1\nENV A=1 B=A"));
        rule("DL3045", List.of("FROM a:1\nCOPY app.jar app.jar", "FROM a:1 AS base\nFROM base\nCOPY x lib/"),
                List.of("FROM a:1\nWORKDIR /app\nCOPY app.jar app.jar", "FROM a:1\nCOPY app.jar /app/app.jar",
                        "FROM a:1 AS base\nWORKDIR /app\nFROM base\nCOPY x lib/", "FROM a:1\nCOPY x $APP_HOME/"));
        rule("DL3046", List.of("FROM a:1\nRUN useradd -u 123456789 app", "FROM a:1\nRUN useradd --uid=1234567 app"),
                List.of("FROM a:1\nRUN useradd -l -u 123456789 app", "FROM a:1\nRUN useradd -u 10001 app",
                        "FROM a:1\nRUN useradd --no-log-init --uid 123456789 app"));
        rule("DL3047", List.of("FROM a:1\nRUN wget https://example.com/x"),
                List.of("FROM a:1\nRUN wget -q https://example.com/x", "FROM a:1\nRUN wget --progress=dot:giga x",
                        "FROM a:1\nRUN wget -nv x", "FROM a:1\nRUN curl -fsSL x -o y"));
        rule("DL3048", List.of("FROM a:1\nLABEL Maintainer=x", "FROM a:1\nLABEL com.docker.thing=x",
                        "FROM a:1\nLABEL org..x=1"),
                List.of("FROM a:1\nLABEL org.opencontainers.image.source=https://example.com",
                        "FROM a:1\nLABEL maintainer=x version=1"));
        rule("DL3049", List.of("FROM a:1", "FROM a:1\n" + ALL_LABELS + "\nFROM b:1"),
                List.of("FROM a:1\n" + ALL_LABELS, "FROM a:1 AS base\n" + ALL_LABELS + "\nFROM base"));
        rule("DL3050", List.of("FROM a:1\nLABEL title=App colour=blue"), List.of("FROM a:1\n" + ALL_LABELS));
        rule("DL3051", List.of("FROM a:1\nLABEL title=\"\""), List.of("FROM a:1\nLABEL title=App"));
        rule("DL3052", List.of("FROM a:1\nLABEL url=example.com"), List.of("FROM a:1\nLABEL url=https://example.com"));
        rule("DL3053", List.of("FROM a:1\nLABEL created=2024-01-01"),
                List.of("FROM a:1\nLABEL created=2024-01-01T12:00:00+02:00"));
        rule("DL3054", List.of("FROM a:1\nLABEL licenses=proprietary-ish"), List.of("FROM a:1\nLABEL licenses=GPL-3.0-only"));
        rule("DL3055", List.of("FROM a:1\nLABEL revision=HEAD"), List.of("FROM a:1\nLABEL revision=0a1b2c3"));
        rule("DL3056", List.of("FROM a:1\nLABEL version=1.0"), List.of("FROM a:1\nLABEL version=1.0.0-beta.1"));
        rule("DL3057", List.of("FROM a:1", "FROM a:1 AS build\nFROM b:1\nHEALTHCHECK CMD x"),
                List.of("FROM a:1\nHEALTHCHECK CMD x", "FROM a:1 AS base\nHEALTHCHECK CMD x\nFROM base",
                        "FROM a:1 AS base\nFROM base\nHEALTHCHECK NONE"));
        rule("DL3058", List.of("FROM a:1\nLABEL authors=team"), List.of("FROM a:1\nLABEL authors=team@example.com"));
        rule("DL3059", List.of("FROM a:1\nRUN a\nRUN b", "FROM a:1\nRUN a\n# note\nRUN b"),
                List.of("FROM a:1\nRUN a && b && c\nRUN d", "FROM a:1\nRUN a\nENV X=1\nRUN b",
                        "FROM a:1\nRUN a\nRUN --mount=type=cache,target=/c b"));
        rule("DL3060", List.of("FROM a:1\nRUN yarn install", "FROM a:1 AS deps\nRUN yarn install --frozen-lockfile\nFROM deps"),
                List.of("FROM a:1\nRUN yarn install && yarn cache clean",
                        "FROM a:1 AS build\nRUN yarn install\nFROM b:1\nCOPY --from=build /app /app",
                        "FROM a:1\nRUN --mount=type=cache,target=/usr/local/share/.cache/yarn yarn install"));
        rule("DL3062", List.of("FROM a:1\nRUN go install golang.org/x/tools/gopls", "FROM a:1\nRUN go install example.com/x@latest"),
                List.of("FROM a:1\nRUN go install golang.org/x/tools/gopls@v0.15.0", "FROM a:1\nRUN go install ./cmd/app",
                        "FROM a:1\nRUN go build ./..."));
        rule("DL3065", List.of("FROM --platform=$TARGETPLATFORM debian:12", "FROM --platform=${TARGETPLATFORM} debian:12"),
                List.of("FROM --platform=$BUILDPLATFORM debian:12", "FROM debian:12"));
        rule("DL3066", List.of("FROM a:1\nUSER app", "FROM a:1\nUSER app:10001"),
                List.of("FROM a:1\nUSER 10001", "FROM a:1\nUSER 10001:10001", "ARG UID=10001\nFROM a:1\nUSER ${UID}",
                        "FROM a:1\nARG UID=10001\nUSER $UID:0"));
        rule("DL3067", List.of("FROM a:1 AS build\nFROM b:1\nCOPY --from=build / /", "FROM b:1\nCOPY --from=x:1 \"/\" /"),
                List.of("FROM a:1 AS build\nFROM b:1\nCOPY --from=build /out /", "FROM b:1\nCOPY / /x"));
        rule("DL4000", List.of("FROM a:1\nMAINTAINER someone@example.com"), List.of("FROM a:1\nLABEL maintainer=x"));
        rule("DL4001", List.of("FROM a:1\nRUN wget -q x\nRUN curl -fsS y", "FROM a:1\nRUN curl -fsS x && wget -q y",
                        "FROM a:1\nRUN wget -q x\nRUN curl -fsS y\nRUN wget -q z"),
                List.of("FROM a:1\nRUN curl -fsS x\nRUN curl -fsS y", "FROM a:1\nRUN curl -fsS x\nFROM b:1\nRUN wget -q y"));
        rule("DL4003", List.of("FROM a:1\nCMD [\"a\"]\nCMD [\"b\"]"),
                List.of("FROM a:1\nCMD [\"a\"]", "FROM a:1\nCMD [\"a\"]\nFROM b:1\nCMD [\"b\"]"));
        rule("DL4004", List.of("FROM a:1\nENTRYPOINT [\"a\"]\nENTRYPOINT [\"b\"]"),
                List.of("FROM a:1\nENTRYPOINT [\"a\"]", "FROM a:1\nENTRYPOINT [\"a\"]\nFROM b:1\nENTRYPOINT [\"b\"]"));
        rule("DL4005", List.of("FROM a:1\nRUN ln -sf /bin/bash /bin/sh"),
                List.of("FROM a:1\nSHELL [\"/bin/bash\", \"-c\"]", "FROM a:1\nRUN ln -s /usr/bin/python3 /usr/bin/python"));
        rule("DL4006", List.of("FROM a:1\nRUN curl -fsS x | tar -xz", "FROM a:1 AS base\nFROM base\nRUN a | b"),
                List.of("FROM a:1\nSHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]\nRUN curl -fsS x | tar -xz",
                        "FROM a:1\nSHELL [\"/bin/ash\", \"-eo\", \"pipefail\", \"-c\"]\nRUN a | b",
                        "FROM a:1\nRUN set -o pipefail && a | b", "FROM a:1\nRUN a || b", "FROM a:1\nRUN echo 'a | b'",
                        "FROM a:1\nSHELL [\"pwsh\", \"-Command\"]\nRUN a | b"));
        rule("OD1001", List.of("FROM a:1\nCMD [\"app\"]", "FROM a:1 AS build\nUSER app\nFROM b:1"),
                List.of("FROM a:1\nUSER app\nCMD [\"app\"]", "FROM a:1 AS base\nUSER 10001\nFROM base\nCMD [\"app\"]"));
        rule("OD1002", List.of("FROM a:1\nUSER app\nCOPY app /app", "FROM a:1 AS base\nUSER app\nFROM base\nADD x.tgz /x"),
                List.of("FROM a:1\nUSER app\nCOPY --chown=app:app app /app", "FROM a:1\nCOPY app /app",
                        "FROM a:1\nUSER app\nUSER root\nCOPY app /app", "FROM a:1 AS build\nUSER app\nCOPY x /x\nFROM b:1"));
        rule("OD1003", List.of("FROM a:1\nENV DB_PASSWORD=hunter2", "FROM a:1\nENV NPM_TOKEN=$NPM_TOKEN",
                        "FROM a:1\nENV AWS_SECRET_ACCESS_KEY=x", "FROM a:1\nENV apiKey=x"),
                List.of("FROM a:1\nENV PASSWORD_FILE=/run/secrets/db", "FROM a:1\nENV GPG_KEY=ABCD",
                        "FROM a:1\nENV PASSAGE=x", "FROM a:1\nARG DB_PASSWORD"));
        rule("OD1004", List.of("FROM a:1\nARG NPM_TOKEN", "ARG GITHUB_TOKEN=x\nFROM a:1"),
                List.of("FROM a:1\nARG VERSION=1", "FROM a:1\nARG TOKEN_URL=https://example.com"));
        rule("OD1005", List.of("FROM a:1\nADD https://example.com/app.tgz /app/"),
                List.of("FROM a:1\nADD --checksum=sha256:" + "a".repeat(64) + " https://example.com/app.tgz /app/",
                        "FROM a:1\nADD app.tgz /app/"));
        rule("OD1006", List.of("FROM a:1\nRUN curl -fsSL https://example.com/install.sh | sh",
                        "FROM a:1\nRUN wget -qO- https://example.com/x | sudo bash -s --"),
                List.of("FROM a:1\nRUN curl -fsSL -o install.sh https://example.com/i.sh && sh install.sh",
                        "FROM a:1\nRUN curl -fsS x | tar -xz", "FROM a:1\nRUN echo 'curl x | sh'"));
        rule("OD1007", List.of("FROM a:1\nRUN chmod 777 /app", "FROM a:1\nRUN chmod -R a+w /data",
                        "FROM a:1\nCOPY --chmod=666 x /x", "FROM a:1\nRUN chmod 0757 /x"),
                List.of("FROM a:1\nRUN chmod 755 /app", "FROM a:1\nRUN chmod u+x /app", "FROM a:1\nCOPY --chmod=644 x /x",
                        "FROM a:1\nRUN chmod g+w /app", "FROM a:1\nRUN chmod 1777 /shared", "FROM a:1\nRUN chmod a+rwxt /x"));
        rule("OD1008", List.of("FROM a:1\nEXPOSE 22", "FROM a:1\nEXPOSE 80 22/tcp"),
                List.of("FROM a:1\nEXPOSE 8022", "FROM a:1\nEXPOSE 80"));
        rule("OD1009", List.of("FROM a:1\nCOPY . .", "FROM a:1\nCOPY ./ /app/", "FROM a:1 AS build\nFROM b:1\nADD . /src"),
                List.of("FROM a:1 AS build\nCOPY . .\nFROM b:1\nCOPY --from=build /out /app",
                        "FROM a:1\nCOPY dist/ /app/"));
        rule("OD1010", List.of("FROM a:1\nEXPOSE 8080", "FROM a:1 AS base\nEXPOSE 80\nFROM base\nCMD [\"x\"]"),
                List.of("FROM a:1\nEXPOSE 8080\nHEALTHCHECK CMD wget -q -O /dev/null http://127.0.0.1:8080/",
                        "FROM a:1\nCMD [\"worker\"]", "FROM a:1\nEXPOSE 80\nHEALTHCHECK NONE",
                        "FROM a:1 AS base\nHEALTHCHECK CMD x\nFROM base\nEXPOSE 80"));
        rule("OD1011", List.of("FROM a:1\nRUN --security=insecure make"),
                List.of("FROM a:1\nRUN --security=sandbox make", "FROM a:1\nRUN make"));
        rule("OD1012", List.of("FROM a:1\nRUN curl -k https://x", "FROM a:1\nRUN wget --no-check-certificate x",
                        "FROM a:1\nRUN apk add --allow-untrusted x.apk", "FROM a:1\nRUN curl -fsSLk https://x"),
                List.of("FROM a:1\nRUN curl -fsSL https://x", "FROM a:1\nRUN wget -q x"));
        rule("OD1013", List.of("FROM a:1\nCOPY id_rsa /root/.ssh/id_rsa", "FROM a:1\nCOPY .env /app/",
                        "FROM a:1\nCOPY certs/server.key /etc/ssl/", "FROM a:1\nADD config/.npmrc /root/"),
                List.of("FROM a:1\nCOPY id_rsa.pub /root/.ssh/", "FROM a:1\nCOPY certs/ca.pem /etc/ssl/",
                        "FROM a:1\nCOPY .env.example /app/"));
    }

    private RuleExamples() {
    }

    private static void rule(String ruleId, List<String> flags, List<String> doesNotFlag) {
        ALL.add(new Example(ruleId, flags, doesNotFlag));
    }
}
