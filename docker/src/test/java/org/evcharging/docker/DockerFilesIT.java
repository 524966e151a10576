package org.evcharging.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The Docker files, checked without a Docker engine (there is none on the build machines): the images
 * copy what the Maven build produced, ports and variables are the ones the applications use, the
 * multi-host files never point other machines at localhost, and Debian's docker-compose resolves
 * every compose file. What this cannot tell: whether the images build and the containers start.
 *
 * <p>Runs after the whole reactor has packaged (this module is the last), so every build output exists.
 */
class DockerFilesIT {

    private static final Path ROOT = Path.of(System.getProperty("repo.root", "..")).toAbsolutePath().normalize();
    private static final Path DOCKER = ROOT.resolve("docker");
    private static final List<String> COMPOSE_FILES =
            List.of("compose.yaml", "hosts/central.yaml", "hosts/cps.yaml", "hosts/drivers.yaml");
    private static final Pattern VARIABLE_DECLARATION = Pattern.compile("<variable\\s+name=\"([^\"]+)\"\\s+defaultValue=\"([^\"]*)\"");
    private static final Pattern CONFIG_PROPERTY = Pattern.compile("@ConfigProperty\\(\\s*name\\s*=\\s*\"([^\"]+)\"");
    private static final Pattern AGENT_ENV = Pattern.compile("@Env\\(\"([A-Z0-9_]+)\"\\)");
    private static final Pattern COMPOSE_VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)([^}]*)}");

    /** The three applications we build images for, and Kafka. */
    enum App { CENTRAL, PORTAL, AGENT, KAFKA }

    // ---------------------------------------------------------------- images

    @Test
    void everyCopiedPathIsABuildOutputThatTheDockerignoreLetsThrough() throws IOException {
        List<String> dockerignore = Files.readAllLines(ROOT.resolve(".dockerignore"));
        for (App app : List.of(App.CENTRAL, App.PORTAL, App.AGENT)) {
            Dockerfile dockerfile = Dockerfile.of(app);
            assertThat(dockerfile.copySources()).as("COPY lines of %s", dockerfile.path).isNotEmpty();
            for (String source : dockerfile.copySources()) {
                Path path = ROOT.resolve(source);
                assertThat(path).as("%s copies %s: it must exist after ./mvnw package", dockerfile.path, source).exists();
                assertThat(source).as("%s copies %s: build outputs only", dockerfile.path, source).contains("/target/");
                List<Path> files;
                try (Stream<Path> walk = Files.walk(path)) {
                    files = walk.filter(Files::isRegularFile).toList();
                }
                assertThat(files).as("files under %s", source).isNotEmpty();
                for (Path file : files) {
                    assertThat(includedByDockerignore(dockerignore, ROOT.relativize(file).toString()))
                            .as(".dockerignore must let %s through (%s copies it)", ROOT.relativize(file), dockerfile.path)
                            .isTrue();
                }
            }
        }
        // The context stays small: sources and the Liberty runtimes stay out.
        for (String left : List.of("pom.xml", "central-ear/central-web/src/main/java",
                "central-ear/central-app/target/liberty/wlp/lib", "run-data/central.db",
                "central-ear/central-app/target/liberty/wlp/usr/servers/central/server.env")) {
            assertThat(includedByDockerignore(dockerignore, left)).as(".dockerignore keeps %s out", left).isFalse();
        }
    }

    @Test
    void libertyImagesCarryTheServerConfigOfServerConfigAndTheJdbcDrivers() throws IOException {
        for (App app : List.of(App.CENTRAL, App.PORTAL)) {
            Dockerfile dockerfile = Dockerfile.of(app);
            Path config = serverConfig(app);
            Set<String> copiedNames = dockerfile.copySources().stream()
                    .map(s -> Path.of(s).getFileName().toString()).collect(Collectors.toSet());
            try (Stream<Path> files = Files.list(config)) {
                for (Path file : files.toList()) {
                    String name = file.getFileName().toString();
                    assertThat(copiedNames).as("%s copies %s of %s", dockerfile.path, name, ROOT.relativize(config))
                            .contains(name);
                    String copied = dockerfile.copySources().stream().filter(s -> s.endsWith("/" + name)).findFirst().orElseThrow();
                    assertThat(ROOT.resolve(copied)).as("the build's copy of %s", name).hasSameTextualContentAs(file);
                }
            }
            assertThat(dockerfile.from()).isEqualTo("icr.io/appcafe/open-liberty:full-java17-openj9-ubi");
            // server.xml deploys the application by this name from apps/.
            String application = app == App.CENTRAL ? "central-app.ear" : "driver-portal.war";
            assertThat(Files.readString(config.resolve("server.xml"))).contains("location=\"" + application + "\"");
            assertThat(dockerfile.copies()).anySatisfy(copy -> {
                assertThat(copy.sources()).anyMatch(s -> s.endsWith("/apps/" + application));
                assertThat(copy.destination()).isEqualTo("/config/apps/");
            });
        }
        // The datasource includes read the drivers from ${server.config.dir}/lib/jdbc.
        Dockerfile central = Dockerfile.of(App.CENTRAL);
        assertThat(central.copies()).anySatisfy(copy -> assertThat(copy.destination()).isEqualTo("/config/lib/jdbc/"));
        String jdbc = central.copySources().stream().filter(s -> s.contains("lib/jdbc")).findFirst().orElseThrow();
        try (Stream<Path> jars = Files.list(ROOT.resolve(jdbc))) {
            assertThat(jars.map(p -> p.getFileName().toString()).toList())
                    .anyMatch(n -> n.matches("sqlite-jdbc-.*\\.jar")).anyMatch(n -> n.matches("postgresql-.*\\.jar"));
        }
    }

    @Test
    void agentImageRunsTheJarWithTheRoleAsCommandAndKafkaIsTheVersionOfThePom() throws IOException {
        Dockerfile agent = Dockerfile.of(App.AGENT);
        assertThat(agent.from()).isEqualTo("eclipse-temurin:17-jre");
        assertThat(agent.instruction("ENTRYPOINT")).contains("[\"java\", \"-jar\", \"/app/cp-agent.jar\"]");
        assertThat(agent.copies()).anySatisfy(copy -> {
            assertThat(copy.sources()).containsExactly("cp-agent/target/cp-agent.jar");
            assertThat(copy.destination()).isEqualTo("/app/cp-agent.jar");
        });

        Matcher version = Pattern.compile("<kafka.version>([^<]+)</kafka.version>").matcher(Files.readString(ROOT.resolve("pom.xml")));
        assertThat(version.find()).isTrue();
        for (String file : COMPOSE_FILES) {
            for (Map.Entry<String, Map<String, Object>> service : services(file).entrySet()) {
                if (appOf(service.getValue()) == App.KAFKA) {
                    assertThat(service.getValue().get("image")).as("%s %s", file, service.getKey())
                            .isEqualTo("apache/kafka:" + version.group(1));
                    Map<String, String> env = environment(service.getValue());
                    assertThat(env.get("KAFKA_PROCESS_ROLES")).as("KRaft combined mode").isEqualTo("broker,controller");
                }
                if (appOf(service.getValue()) == App.AGENT) {
                    assertThat(list(service.getValue().get("command")).get(0)).as("%s %s: the role", file, service.getKey())
                            .isIn("engine", "monitor", "driver", "admin");
                }
            }
        }
    }

    // ---------------------------------------------------------------- ports

    @Test
    void portsAreTheDefaultsOfServerConfigAndTheReadme() throws IOException {
        Map<App, Set<Integer>> expected = expectedPorts();
        for (App app : List.of(App.CENTRAL, App.PORTAL)) {
            Dockerfile dockerfile = Dockerfile.of(app);
            assertThat(dockerfile.exposedPorts()).as("EXPOSE of %s", dockerfile.path).isEqualTo(expected.get(app));
            int http = Integer.parseInt(serverVariables(app).get("http.port"));
            assertThat(dockerfile.instruction("HEALTHCHECK")).as("HEALTHCHECK of %s", dockerfile.path)
                    .contains("/health/ready").contains("${HTTP_PORT:-" + http + "}");
        }
        String readme = Files.readString(ROOT.resolve("README.md"));
        for (String file : COMPOSE_FILES) {
            for (Map.Entry<String, Map<String, Object>> service : services(file).entrySet()) {
                App app = appOf(service.getValue());
                for (Object entry : list(service.getValue().get("ports"))) {
                    String[] parts = entry.toString().split(":");
                    assertThat(parts).as("%s %s publishes %s as HOST:CONTAINER", file, service.getKey(), entry).hasSize(2);
                    assertThat(parts[0]).as("%s %s: same port outside as inside", file, service.getKey()).isEqualTo(parts[1]);
                    int port = Integer.parseInt(parts[1]);
                    assertThat(expected.get(app)).as("%s %s publishes %s", file, service.getKey(), port).contains(port);
                    assertThat(readme.contains("`" + port + "`") || readme.contains(":" + port + "`"))
                            .as("the README names port %s", port).isTrue();
                }
            }
        }
    }

    /** Every address one container gives another points at a port that the other really listens on. */
    @Test
    void addressesPointAtTheServicesAndPortsOfTheFiles() throws IOException {
        int gateway = Integer.parseInt(centralProperties().getProperty("listen.port"));
        int kafkaPort = kafkaPortOfTheReadme();
        for (String file : COMPOSE_FILES) {
            Map<String, Map<String, Object>> services = services(file);
            Map<String, Integer> kafkaDockerListener = new LinkedHashMap<>();
            services.forEach((name, service) -> {
                if (appOf(service) == App.KAFKA) {
                    Map<String, String> env = environment(service);
                    assertThat(env.get("KAFKA_LISTENERS")).contains("HOST://:" + kafkaPort);
                    assertThat(env.get("KAFKA_ADVERTISED_LISTENERS")).contains("DOCKER://" + name + ":")
                            .contains(":" + kafkaPort);
                    Matcher docker = Pattern.compile("DOCKER://:(\\d+)").matcher(env.get("KAFKA_LISTENERS"));
                    assertThat(docker.find()).isTrue();
                    kafkaDockerListener.put(name, Integer.parseInt(docker.group(1)));
                    assertThat(env.get("KAFKA_ADVERTISED_LISTENERS")).contains("DOCKER://" + name + ":" + docker.group(1));
                }
            });
            services.forEach((name, service) -> {
                Map<String, String> env = environment(service);
                String where = file + " " + name;
                Optional.ofNullable(env.get("BROKER_ADDRESS")).ifPresent(broker -> {
                    String host = host(broker);
                    int port = port(broker);
                    if (kafkaDockerListener.containsKey(host)) {
                        assertThat(port).as("%s: BROKER_ADDRESS %s", where, broker).isEqualTo(kafkaDockerListener.get(host));
                    } else {
                        assertThat(port).as("%s: BROKER_ADDRESS %s", where, broker).isEqualTo(kafkaPort);
                        assertThat(host).as("%s: Kafka on another machine", where).startsWith("${KAFKA_HOST");
                    }
                });
                Optional.ofNullable(env.get("IP_PORT_EV_CP_CENTRAL")).ifPresent(central -> {
                    assertThat(port(central)).as("%s: IP_PORT_EV_CP_CENTRAL", where).isEqualTo(gateway);
                    assertThat(services.containsKey(host(central)) || host(central).startsWith("${CENTRAL_HOST"))
                            .as("%s: %s is a service of the file or ${CENTRAL_HOST}", where, central).isTrue();
                });
                if (isRole(service, "monitor")) {
                    String engine = env.get("IP_PORT_EV_CP_E");
                    Map<String, Object> engineService = services.get(host(engine));
                    assertThat(engineService).as("%s: its Engine %s is a service of the file", where, engine).isNotNull();
                    assertThat(isRole(engineService, "engine")).isTrue();
                    assertThat(environment(engineService).get("IP_PORT_EV_CP_E"))
                            .as("%s: the Engine listens on all interfaces, on the port its Monitor uses", where)
                            .isEqualTo("0.0.0.0:" + port(engine));
                }
            });
        }
    }

    // ---------------------------------------------------------------- variables

    @Test
    void everyEnvironmentVariableIsOneTheApplicationReadsAndTheReadmeNames() throws IOException {
        Map<App, Set<String>> known = Map.of(
                App.CENTRAL, libertyVariables(App.CENTRAL),
                App.PORTAL, libertyVariables(App.PORTAL),
                App.AGENT, agentVariables());
        String readmes = Files.readString(ROOT.resolve("README.md")) + Files.readString(ROOT.resolve("cp-agent/README.md"));
        for (String file : COMPOSE_FILES) {
            for (Map.Entry<String, Map<String, Object>> service : services(file).entrySet()) {
                App app = appOf(service.getValue());
                for (String name : environment(service.getValue()).keySet()) {
                    String where = file + " " + service.getKey() + " sets " + name;
                    if (app == App.KAFKA) {
                        assertThat(name).as(where + ": a setting of the Kafka image").matches("KAFKA_[A-Z0-9_]+|CLUSTER_ID");
                        continue;
                    }
                    assertThat(known.get(app)).as(where + ": a variable %s reads", app).contains(name);
                    assertThat(readmes.contains("`" + name + "`")).as(where + ": documented in README.md or cp-agent/README.md").isTrue();
                }
            }
        }
        // Docker-side: the demo lets its CPs in, the multi-host Central waits for an operator by default.
        assertThat(environment(services("compose.yaml").get("central")).get("CP_AUTO_AUTHORIZE")).isEqualTo("true");
        assertThat(environment(services("hosts/central.yaml").get("central")).get("CP_AUTO_AUTHORIZE"))
                .isEqualTo("${CP_AUTO_AUTHORIZE:-false}");
        assertThat(centralProperties().getProperty("cp.auto.authorize")).isEqualTo("false");
    }

    @Test
    void multiHostFilesTakeEveryAddressFromTheEnvFileAndNeverLocalhost() throws IOException {
        Properties example = new Properties();
        try (InputStream in = Files.newInputStream(DOCKER.resolve("hosts/example.env"))) {
            example.load(in);
        }
        for (String file : COMPOSE_FILES.stream().filter(f -> f.startsWith("hosts/")).toList()) {
            String text = Files.readString(DOCKER.resolve(file));
            Matcher variable = COMPOSE_VARIABLE.matcher(text);
            while (variable.find()) {
                assertThat(example).as("%s uses ${%s}: example.env sets it", file, variable.group(1)).containsKey(variable.group(1));
            }
            services(file).forEach((name, service) -> environment(service).forEach((key, value) -> {
                if (key.equals("BROKER_ADDRESS") || key.equals("IP_PORT_EV_CP_CENTRAL") || key.equals("KAFKA_ADVERTISED_LISTENERS")) {
                    assertThat(value).as("%s %s %s", file, name, key).doesNotContain("localhost").doesNotContain("127.0.0.1");
                }
            }));
        }
        assertThat(environment(services("hosts/central.yaml").get("kafka")).get("KAFKA_ADVERTISED_LISTENERS"))
                .contains("HOST://${KAFKA_HOST:?");
        for (String address : List.of("KAFKA_HOST", "CENTRAL_HOST")) {
            assertThat(example.getProperty(address)).as("example.env " + address).isNotBlank()
                    .doesNotContain("localhost").doesNotContain("127.0.0.1");
        }
    }

    // ---------------------------------------------------------------- docker-compose

    /** Debian's docker-compose 1.29 parses, interpolates and validates each file; no engine is needed for that. */
    @Test
    void dockerComposeResolvesEveryFile() throws Exception {
        Optional<Path> compose = onPath("docker-compose");
        if (compose.isEmpty()) {
            String ci = System.getenv("CI");
            if (ci != null && !ci.isBlank() && !ci.equals("false")) {
                fail("docker-compose is not on PATH: CI must install it (.ci/run installs Debian's docker-compose)");
            }
            Assumptions.abort("docker-compose is not on PATH: the compose files were NOT resolved"
                    + " (apt-get install docker-compose to run this check; under CI it is required)");
        }
        Path emptyEnv = Files.createTempFile("empty", ".env");
        // What a user of the one-host file sets: it has no default password.
        Path secretsEnv = Files.writeString(Files.createTempFile("secrets", ".env"),
                "ADMIN_PASSWORD=a-long-secret\nDRIVER_PORTAL_SECRET=another-secret\n");
        try {
            Result noPassword = run(compose.get(), "--env-file", emptyEnv.toString(), "-f",
                    DOCKER.resolve("compose.yaml").toString(), "config");
            assertThat(noPassword.exitCode()).as("compose.yaml without ADMIN_PASSWORD must refuse:%n%s", noPassword.output())
                    .isNotZero();
            assertThat(noPassword.output()).contains("password must be set");
            for (String file : COMPOSE_FILES) {
                boolean multiHost = file.startsWith("hosts/");
                Path env = multiHost ? DOCKER.resolve("hosts/example.env") : secretsEnv;
                Result result = run(compose.get(), "--env-file", env.toString(), "-f", DOCKER.resolve(file).toString(), "config");
                assertThat(result.exitCode()).as("docker-compose config of %s:%n%s", file, result.output()).isZero();
                // Every image is built from the repository root, with a Dockerfile of docker/.
                @SuppressWarnings("unchecked")
                Map<String, Map<String, Object>> resolved =
                        (Map<String, Map<String, Object>>) new Yaml().<Map<String, Object>>load(result.output()).get("services");
                for (Map.Entry<String, Map<String, Object>> service : resolved.entrySet()) {
                    if (service.getValue().get("build") instanceof Map<?, ?> build) {
                        assertThat(Path.of(build.get("context").toString()).toRealPath()).as("%s %s build context", file, service.getKey())
                                .isEqualTo(ROOT.toRealPath());
                        assertThat(ROOT.resolve(build.get("dockerfile").toString())).isRegularFile();
                    }
                }
                if (multiHost) {
                    Result unset = run(compose.get(), "--env-file", emptyEnv.toString(), "-f", DOCKER.resolve(file).toString(), "config");
                    assertThat(unset.exitCode()).as("%s without KAFKA_HOST must refuse to start:%n%s", file, unset.output()).isNotZero();
                    assertThat(unset.output()).contains("in docker/hosts/.env");
                }
            }
        } finally {
            Files.deleteIfExists(emptyEnv);
            Files.deleteIfExists(secretsEnv);
        }
    }

    // ---------------------------------------------------------------- helpers

    /** The ports each application listens on by default, from server-config/, Central's settings and the README. */
    private static Map<App, Set<Integer>> expectedPorts() throws IOException {
        Map<App, Set<Integer>> ports = new LinkedHashMap<>();
        Map<String, String> central = serverVariables(App.CENTRAL);
        ports.put(App.CENTRAL, Set.of(Integer.parseInt(central.get("http.port")), Integer.parseInt(central.get("https.port")),
                Integer.parseInt(centralProperties().getProperty("listen.port"))));
        Map<String, String> portal = serverVariables(App.PORTAL);
        ports.put(App.PORTAL, Set.of(Integer.parseInt(portal.get("http.port")), Integer.parseInt(portal.get("https.port"))));
        ports.put(App.KAFKA, Set.of(kafkaPortOfTheReadme()));
        ports.put(App.AGENT, Set.of());
        // What the README promises.
        assertThat(ports.get(App.CENTRAL)).containsExactlyInAnyOrder(9080, 9443, 5000);
        assertThat(ports.get(App.PORTAL)).contains(9081);
        return ports;
    }

    private static int kafkaPortOfTheReadme() throws IOException {
        Matcher kafka = Pattern.compile("\\| Kafka broker \\| `localhost:(\\d+)`").matcher(Files.readString(ROOT.resolve("README.md")));
        assertThat(kafka.find()).as("README's ports table names the Kafka broker").isTrue();
        return Integer.parseInt(kafka.group(1));
    }

    private static Path serverConfig(App app) {
        return ROOT.resolve(app == App.CENTRAL ? "server-config/central" : "server-config/driver");
    }

    /** The variables declared with a default in the server's XML files (server.xml and its includes). */
    private static Map<String, String> serverVariables(App app) throws IOException {
        Map<String, String> variables = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(serverConfig(app))) {
            for (Path xml : files.filter(p -> p.toString().endsWith(".xml")).sorted().toList()) {
                Matcher m = VARIABLE_DECLARATION.matcher(Files.readString(xml));
                while (m.find()) {
                    variables.put(m.group(1), m.group(2));
                }
            }
        }
        return variables;
    }

    private static Properties centralProperties() throws IOException {
        return properties(ROOT.resolve("central-ear/central-web/src/main/resources/META-INF/microprofile-config.properties"));
    }

    private static Properties properties(Path path) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(path)) {
            properties.load(in);
        }
        return properties;
    }

    /**
     * The environment variables a Liberty application reads: its server variables and its MicroProfile
     * Config properties, in environment form (MicroProfile Config and Liberty both map
     * {@code listen.port} to {@code LISTEN_PORT}: non-alphanumerics become '_', then upper case).
     */
    private static Set<String> libertyVariables(App app) throws IOException {
        Set<String> names = new TreeSet<>(serverVariables(app).keySet());
        Path sources = ROOT.resolve(app == App.CENTRAL ? "central-ear" : "driver-war");
        Path config = app == App.CENTRAL
                ? ROOT.resolve("central-ear/central-web/src/main/resources/META-INF/microprofile-config.properties")
                : ROOT.resolve("driver-war/src/main/resources/META-INF/microprofile-config.properties");
        names.addAll(properties(config).stringPropertyNames());
        names.addAll(matches(sources, CONFIG_PROPERTY));
        return names.stream().map(n -> n.replaceAll("[^A-Za-z0-9]", "_").toUpperCase()).collect(Collectors.toCollection(TreeSet::new));
    }

    /** The variables the agent reads: every {@code @Env("...")} of its options. */
    private static Set<String> agentVariables() throws IOException {
        Set<String> names = matches(ROOT.resolve("cp-agent/src/main/java"), AGENT_ENV);
        assertThat(names).contains("BROKER_ADDRESS", "IP_PORT_EV_CP_E", "IP_PORT_EV_CP_CENTRAL", "CP_ID");
        return names;
    }

    private static Set<String> matches(Path sources, Pattern pattern) throws IOException {
        Set<String> found = new TreeSet<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path java : files.filter(p -> p.toString().endsWith(".java") && p.toString().contains("/src/main/")).toList()) {
                Matcher m = pattern.matcher(Files.readString(java));
                while (m.find()) {
                    found.add(m.group(1));
                }
            }
        }
        return found;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> services(String file) {
        try {
            Map<String, Object> compose = new Yaml().load(Files.readString(DOCKER.resolve(file)));
            assertThat(compose).as(file).containsKey("services");
            return (Map<String, Map<String, Object>>) compose.get("services");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static App appOf(Map<String, Object> service) {
        if (service.get("build") instanceof Map<?, ?> build) {
            return switch (String.valueOf(build.get("dockerfile"))) {
                case "docker/central/Dockerfile" -> App.CENTRAL;
                case "docker/portal/Dockerfile" -> App.PORTAL;
                case "docker/cp-agent/Dockerfile" -> App.AGENT;
                default -> throw new AssertionError("unknown Dockerfile " + build.get("dockerfile"));
            };
        }
        assertThat(String.valueOf(service.get("image"))).as("a service without build runs Kafka").startsWith("apache/kafka:");
        return App.KAFKA;
    }

    private static boolean isRole(Map<String, Object> service, String role) {
        return appOf(service) == App.AGENT && list(service.get("command")).get(0).equals(role);
    }

    /** A service's environment, as a map whichever of the two compose forms (map or KEY=VALUE list) it uses. */
    private static Map<String, String> environment(Map<String, Object> service) {
        Map<String, String> env = new LinkedHashMap<>();
        Object raw = service.get("environment");
        if (raw instanceof Map<?, ?> map) {
            map.forEach((k, v) -> env.put(k.toString(), String.valueOf(v)));
        } else {
            for (Object entry : list(raw)) {
                String[] kv = entry.toString().split("=", 2);
                env.put(kv[0], kv.length > 1 ? kv[1] : "");
            }
        }
        return env;
    }

    private static List<?> list(Object value) {
        return value == null ? List.of() : (List<?>) value;
    }

    private static String host(String address) {
        return address.substring(0, address.lastIndexOf(':'));
    }

    private static int port(String address) {
        return Integer.parseInt(address.substring(address.lastIndexOf(':') + 1));
    }

    /**
     * Whether the Docker build context keeps {@code path} given these .dockerignore lines: the last
     * pattern that matches the path or one of its parent folders decides ({@code !} = keep).
     */
    static boolean includedByDockerignore(List<String> lines, String path) {
        boolean included = true;
        for (String line : lines) {
            String pattern = line.strip();
            if (pattern.isEmpty() || pattern.startsWith("#")) {
                continue;
            }
            boolean keep = pattern.startsWith("!");
            PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + (keep ? pattern.substring(1) : pattern));
            for (Path p = Path.of(path); p != null; p = p.getParent()) {
                if (matcher.matches(p)) {
                    included = keep;
                    break;
                }
            }
        }
        return included;
    }

    private static Optional<Path> onPath(String command) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(":"))
                .filter(dir -> !dir.isEmpty())
                .map(dir -> Path.of(dir, command))
                .filter(Files::isExecutable)
                .findFirst();
    }

    record Result(int exitCode, String output) { }

    /** Runs a command with a clean environment, so that no KAFKA_HOST of the caller's shell fills a variable. */
    private static Result run(Path command, String... args) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>();
        line.add(command.toString());
        line.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(line).directory(DOCKER.toFile()).redirectErrorStream(true);
        builder.environment().keySet().retainAll(Set.of("PATH", "HOME", "LANG", "LC_ALL", "TMPDIR"));
        Process process = builder.start();
        process.getOutputStream().close();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail(line + " did not finish within 60 s");
        }
        return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }

    // ---------------------------------------------------------------- Dockerfile reading

    record Copy(List<String> sources, String destination) { }

    /** The instructions of one Dockerfile: continuation lines joined, comments dropped, ARG defaults expanded. */
    static final class Dockerfile {
        final Path path;
        final List<String[]> instructions = new ArrayList<>();

        private Dockerfile(Path path) throws IOException {
            this.path = ROOT.relativize(path);
            Map<String, String> args = new LinkedHashMap<>();
            StringBuilder current = new StringBuilder();
            for (String line : Files.readAllLines(path)) {
                if (line.strip().startsWith("#")) {
                    continue;
                }
                if (line.endsWith("\\")) {
                    current.append(line, 0, line.length() - 1).append(' ');
                    continue;
                }
                current.append(line);
                String text = current.toString().strip();
                current.setLength(0);
                if (text.isEmpty()) {
                    continue;
                }
                String[] split = text.split("\\s+", 2);
                String keyword = split[0].toUpperCase();
                String rest = split.length > 1 ? split[1] : "";
                if (keyword.equals("ARG") && rest.contains("=")) {
                    String[] kv = rest.split("=", 2);
                    args.put(kv[0], kv[1]);
                } else if (keyword.equals("COPY") || keyword.equals("ADD")) {
                    for (Map.Entry<String, String> arg : args.entrySet()) {
                        rest = rest.replace("${" + arg.getKey() + "}", arg.getValue()).replace("$" + arg.getKey(), arg.getValue());
                    }
                }
                instructions.add(new String[] {keyword, rest});
            }
        }

        static Dockerfile of(App app) throws IOException {
            String folder = switch (app) {
                case CENTRAL -> "central";
                case PORTAL -> "portal";
                case AGENT -> "cp-agent";
                case KAFKA -> throw new IllegalArgumentException("Kafka runs the official image");
            };
            return new Dockerfile(DOCKER.resolve(folder).resolve("Dockerfile"));
        }

        String instruction(String keyword) {
            return instructions.stream().filter(i -> i[0].equals(keyword)).map(i -> i[1]).reduce((a, b) -> b).orElse("");
        }

        String from() {
            return instruction("FROM");
        }

        List<Copy> copies() {
            List<Copy> copies = new ArrayList<>();
            for (String[] instruction : instructions) {
                if (instruction[0].equals("COPY") || instruction[0].equals("ADD")) {
                    List<String> words = Stream.of(instruction[1].split("\\s+")).filter(w -> !w.startsWith("--")).toList();
                    assertThat(words).as("%s: %s %s", path, instruction[0], instruction[1]).hasSizeGreaterThan(1);
                    assertThat(instruction[1]).as("%s: only plain paths, no variables left", path).doesNotContain("$");
                    copies.add(new Copy(words.subList(0, words.size() - 1), words.get(words.size() - 1)));
                }
            }
            return copies;
        }

        List<String> copySources() {
            return copies().stream().flatMap(c -> c.sources().stream()).map(s -> s.replaceAll("/$", "")).toList();
        }

        Set<Integer> exposedPorts() {
            Set<Integer> ports = new LinkedHashSet<>();
            instructions.stream().filter(i -> i[0].equals("EXPOSE"))
                    .flatMap(i -> Stream.of(i[1].split("\\s+")))
                    .forEach(p -> ports.add(Integer.parseInt(p.replace("/tcp", ""))));
            return ports;
        }
    }
}
