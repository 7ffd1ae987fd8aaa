package dev.gleaner.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * Runs one job of a GitHub Actions workflow on this machine: its {@code run:} steps with bash, its
 * {@code uses:} steps with the emulations it is given, and the {@code ${{ }}} expressions it can
 * evaluate. Anything else the workflow asks for is refused, so an emulation never passes by ignoring it.
 */
public final class ActionsJob {
    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{\\{\\s*(.*?)\\s*}}");
    private static final Pattern CONTEXT_PATH = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*(\\.[A-Za-z_][A-Za-z0-9_-]*)*");

    /** A {@code uses:} step done by the test instead of by the action. */
    @FunctionalInterface
    public interface Action {
        /**
         * Does what the action would, given its {@code with:} inputs (expressions evaluated).
         *
         * @return the step's outputs
         */
        Map<String, String> run(Map<String, String> inputs, Run run) throws Exception;
    }

    private final Map<String, Object> workflow;
    private final String jobName;
    private final Map<String, Action> actions = new LinkedHashMap<>();

    private ActionsJob(Map<String, Object> workflow, String jobName) {
        this.workflow = workflow;
        this.jobName = jobName;
        if (!(jobs().get(jobName) instanceof Map)) {
            throw new IllegalArgumentException("the workflow has no job " + jobName + ": " + jobs().keySet());
        }
    }

    /** The job {@code jobName} of the workflow in {@code file}. */
    public static ActionsJob of(Path file, String jobName) {
        return new ActionsJob(parse(file), jobName);
    }

    /** The workflow in {@code file}, as the YAML reads. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> parse(Path file) {
        try {
            // YAML 1.2, as GitHub reads workflows: the key "on" stays a string.
            return (Map<String, Object>) new Load(LoadSettings.builder().build())
                    .loadFromString(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The steps of this job, as written. */
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> steps() {
        return (List<Map<String, Object>>) job().get("steps");
    }

    /** Emulates the action {@code name} (owner/repo[/path], without the version) with {@code action}. */
    public ActionsJob emulate(String name, Action action) {
        actions.put(name, action);
        return this;
    }

    /**
     * Runs the job's steps in order in {@code workspace} (which must be empty) and returns what happened.
     *
     * @param github the {@code github} context: workspace, run_id and the like are added
     * @param machine the environment the runner would have (PATH, HOME, ...)
     * @param temp a folder for the runner's own files
     * @throws AssertionError when a step fails or asks for something this class cannot emulate
     */
    public Run run(Path workspace, Map<String, String> github, Map<String, String> machine, Path temp) throws Exception {
        Run run = new Run(workspace, temp, github, machine);
        run.execute();
        return run;
    }

    private Map<?, ?> job() {
        return (Map<?, ?>) jobs().get(jobName);
    }

    private Map<?, ?> jobs() {
        return (Map<?, ?>) workflow.get("jobs");
    }

    private static Map<String, String> strings(Object map) {
        Map<String, String> result = new LinkedHashMap<>();
        if (map instanceof Map<?, ?> entries) {
            entries.forEach((key, value) -> result.put(String.valueOf(key), String.valueOf(value)));
        }
        return result;
    }

    /** One run of the job: its environment, step outputs and log. */
    public final class Run {
        private final Path workspace;
        private final Path temp;
        private final Map<String, String> github = new LinkedHashMap<>();
        private final Map<String, String> env = new LinkedHashMap<>();
        private final Map<String, String> machine;
        private final List<String> path = new ArrayList<>();
        private final Map<String, Map<String, String>> outputs = new LinkedHashMap<>();
        private final StringBuilder log = new StringBuilder();
        private final StringBuilder summary = new StringBuilder();
        private int stepCount;

        private Run(Path workspace, Path temp, Map<String, String> github, Map<String, String> machine) {
            this.workspace = workspace;
            this.temp = temp;
            this.machine = new LinkedHashMap<>(machine);
            this.github.putAll(github);
            this.github.put("workspace", workspace.toString());
        }

        /** The job's workspace ({@code $GITHUB_WORKSPACE}). */
        public Path workspace() {
            return workspace;
        }

        /** A file or folder the action names, resolved as actions do: against the workspace. */
        public Path resolve(String relative) {
            return workspace.resolve(relative).normalize();
        }

        /** Puts {@code folder} first on the PATH of the later steps, as {@code $GITHUB_PATH} does. */
        public void addPath(Path folder) {
            path.add(0, folder.toString());
        }

        /** Sets {@code name} for the later steps, as {@code $GITHUB_ENV} does. */
        public void setEnv(String name, String value) {
            env.put(name, value);
        }

        /** Adds a line to the log, as an action's output would. */
        public void log(String line) {
            log.append(line).append('\n');
        }

        /** Everything the steps printed, in order, with a header per step. */
        public String log() {
            return log.toString();
        }

        /** What the steps wrote to {@code $GITHUB_STEP_SUMMARY}. */
        public String summary() {
            return summary.toString();
        }

        /** The outputs of the step with this {@code id}. */
        public Map<String, String> outputs(String id) {
            return outputs.getOrDefault(id, Map.of());
        }

        /** Runs {@code command} in {@code folder} with the job's environment, failing on a non-zero exit. */
        public String exec(Path folder, String... command) throws IOException, InterruptedException {
            ProcessBuilder builder = new ProcessBuilder(command).directory(folder.toFile());
            builder.environment().clear();
            builder.environment().putAll(environment(Map.of()));
            Finished finished = finish(builder);
            if (finished.exitCode() != 0) {
                throw new AssertionError("exit " + finished.exitCode() + ": " + String.join(" ", command) + "\n"
                        + finished.out() + "\n--- job log so far ---\n" + log);
            }
            return finished.out();
        }

        /** Runs the process to its end, or kills it after two minutes: what it printed, and its exit code. */
        private Finished finish(ProcessBuilder builder) throws IOException, InterruptedException {
            // Its output goes to a file, so that a process that hangs cannot hang the reading too.
            Path out = Files.createTempFile(temp, "out-", ".log");
            Process process = builder.redirectErrorStream(true).redirectOutput(out.toFile()).start();
            boolean ended = process.waitFor(2, TimeUnit.MINUTES);
            if (!ended) {
                process.destroyForcibly().waitFor();
            }
            String text = Files.readString(out, StandardCharsets.UTF_8);
            if (!ended) {
                throw new AssertionError("timed out: " + builder.command() + "\n" + text
                        + "\n--- job log so far ---\n" + log);
            }
            return new Finished(process.exitValue(), text);
        }

        private void execute() throws Exception {
            Files.createDirectories(workspace);
            Files.createDirectories(temp);
            Map<?, ?> job = job();
            env.putAll(evaluateAll(strings(workflow.get("env"))));
            env.putAll(evaluateAll(strings(job.get("env"))));
            for (Map<String, Object> step : steps()) {
                step(step);
            }
        }

        private void step(Map<String, Object> step) throws Exception {
            stepCount++;
            String name = String.valueOf(step.getOrDefault("name", step.getOrDefault("uses", step.get("run"))));
            log.append("##[step] ").append(name).append('\n');
            if (step.containsKey("if")) {
                throw new AssertionError("step '" + name + "': the emulation does not evaluate if: " + step.get("if"));
            }
            Map<String, String> stepEnv = new LinkedHashMap<>(env);
            stepEnv.putAll(evaluateAll(strings(step.get("env"))));
            Map<String, String> result;
            if (step.get("uses") instanceof String uses) {
                String action = uses.contains("@") ? uses.substring(0, uses.indexOf('@')) : uses;
                Action emulation = actions.get(action);
                if (emulation == null) {
                    throw new AssertionError("step '" + name + "': no emulation for " + uses);
                }
                result = emulation.run(evaluateAll(strings(step.get("with"))), this);
            } else if (step.get("run") instanceof String script) {
                result = shell(name, evaluate(script), stepEnv, step);
            } else {
                throw new AssertionError("step '" + name + "' neither uses an action nor runs a script");
            }
            if (step.get("id") instanceof String id) {
                outputs.put(id, result);
            }
        }

        private Map<String, String> shell(String name, String script, Map<String, String> stepEnv, Map<String, Object> step)
                throws IOException, InterruptedException {
            String shell = String.valueOf(step.getOrDefault("shell", defaultShell()));
            if (!shell.equals("bash")) {
                throw new AssertionError("step '" + name + "': the emulation runs bash only, not " + shell);
            }
            Path scriptFile = temp.resolve("step-" + stepCount + ".sh");
            Path outputFile = temp.resolve("output-" + stepCount);
            Path envFile = temp.resolve("env-" + stepCount);
            Path pathFile = temp.resolve("path-" + stepCount);
            Path summaryFile = temp.resolve("summary-" + stepCount);
            Files.writeString(scriptFile, script, StandardCharsets.UTF_8);
            for (Path file : List.of(outputFile, envFile, pathFile, summaryFile)) {
                Files.writeString(file, "");
            }
            Map<String, String> files = Map.of("GITHUB_OUTPUT", outputFile.toString(), "GITHUB_ENV", envFile.toString(),
                    "GITHUB_PATH", pathFile.toString(), "GITHUB_STEP_SUMMARY", summaryFile.toString());
            Path folder = step.get("working-directory") instanceof String dir ? resolve(evaluate(dir)) : workspace;
            // What GitHub runs for `shell: bash`.
            ProcessBuilder builder = new ProcessBuilder("bash", "--noprofile", "--norc", "-eo", "pipefail",
                    scriptFile.toString()).directory(folder.toFile());
            builder.environment().clear();
            Map<String, String> all = new LinkedHashMap<>(stepEnv);
            all.putAll(files);
            builder.environment().putAll(environment(all));
            Finished finished = finish(builder);
            log.append(finished.out());
            if (finished.exitCode() != 0) {
                throw new AssertionError("step '" + name + "' failed with exit " + finished.exitCode() + "\n" + log);
            }
            env.putAll(commandFile(envFile));
            for (String line : Files.readAllLines(pathFile, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    addPath(Path.of(line.strip()));
                }
            }
            summary.append(Files.readString(summaryFile, StandardCharsets.UTF_8));
            return commandFile(outputFile);
        }

        private String defaultShell() {
            Object jobDefaults = job().get("defaults");
            Object defaults = jobDefaults != null ? jobDefaults : workflow.get("defaults");
            if (defaults instanceof Map<?, ?> map && map.get("run") instanceof Map<?, ?> run && run.get("shell") != null) {
                return String.valueOf(run.get("shell"));
            }
            // Without a shell named, GitHub runs `bash -e {0}`, which differs: no pipefail.
            return "bash -e";
        }

        /** The variables a step's process sees: the machine's, the runner's, then the workflow's. */
        private Map<String, String> environment(Map<String, String> stepEnv) {
            Map<String, String> all = new LinkedHashMap<>(machine);
            if (!path.isEmpty()) {
                all.put("PATH", String.join(":", path) + ":" + machine.getOrDefault("PATH", "/usr/bin:/bin"));
            }
            all.put("CI", "true");
            all.put("GITHUB_ACTIONS", "true");
            all.put("RUNNER_TEMP", temp.toString());
            github.forEach((key, value) -> all.put("GITHUB_" + key.toUpperCase(Locale.ROOT), value));
            all.putAll(env);
            all.putAll(stepEnv);
            return all;
        }

        /** Reads {@code name=value} and {@code name<<DELIMITER} lines, the format of GITHUB_OUTPUT and GITHUB_ENV. */
        private Map<String, String> commandFile(Path file) throws IOException {
            Map<String, String> values = new LinkedHashMap<>();
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                int heredoc = line.indexOf("<<");
                int equals = line.indexOf('=');
                if (heredoc > 0 && (equals < 0 || heredoc < equals)) {
                    String delimiter = line.substring(heredoc + 2);
                    StringBuilder value = new StringBuilder();
                    for (i++; i < lines.size() && !lines.get(i).equals(delimiter); i++) {
                        value.append(value.isEmpty() ? "" : "\n").append(lines.get(i));
                    }
                    values.put(line.substring(0, heredoc), value.toString());
                } else if (equals > 0) {
                    values.put(line.substring(0, equals), line.substring(equals + 1));
                }
            }
            return values;
        }

        private Map<String, String> evaluateAll(Map<String, String> values) {
            Map<String, String> result = new LinkedHashMap<>();
            values.forEach((key, value) -> result.put(key, evaluate(value)));
            return result;
        }

        /** Replaces every {@code ${{ context.path }}} in {@code text}; anything but a context path is refused. */
        public String evaluate(String text) {
            Matcher matcher = EXPRESSION.matcher(text);
            StringBuilder out = new StringBuilder();
            while (matcher.find()) {
                matcher.appendReplacement(out, Matcher.quoteReplacement(lookup(matcher.group(1))));
            }
            matcher.appendTail(out);
            return out.toString();
        }

        private String lookup(String expression) {
            if (!CONTEXT_PATH.matcher(expression).matches()) {
                throw new AssertionError("the emulation evaluates context paths only, not: " + expression);
            }
            String[] parts = expression.split("\\.");
            String value = switch (parts[0]) {
                case "github" -> parts.length == 2 ? github.get(parts[1]) : null;
                case "env" -> parts.length == 2 ? env.get(parts[1]) : null;
                case "runner" -> parts.length == 2 ? runner(parts[1]) : null;
                case "steps" -> parts.length == 4 && parts[2].equals("outputs")
                        ? outputs.getOrDefault(parts[1], Map.of()).getOrDefault(parts[3], "") : null;
                default -> null;
            };
            if (value == null) {
                throw new AssertionError("the emulation does not know " + expression);
            }
            return value;
        }

        private String runner(String name) {
            return switch (name) {
                case "temp" -> temp.toString();
                case "os" -> "Linux";
                default -> null;
            };
        }
    }

    private record Finished(int exitCode, String out) {
    }

    /** The {@code with:} input {@code name}, which the step must give. */
    public static String required(Map<String, String> inputs, String name) {
        return Objects.requireNonNull(inputs.get(name), () -> "the step gives no " + name + ": " + inputs);
    }
}
