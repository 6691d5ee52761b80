package org.pkcn.exchange.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A Dockerfile read as far as the tests need: its stages, each a list of instructions with continuation
 * lines joined and comments dropped. Not a full parser: enough for the file this project writes.
 */
record Dockerfile(List<Stage> stages) {

    record Instruction(String keyword, String arguments) {
    }

    record Stage(String name, List<Instruction> instructions) {

        List<String> arguments(String keyword) {
            return instructions.stream().filter(i -> i.keyword().equals(keyword)).map(Instruction::arguments).toList();
        }

        int indexOf(String keyword) {
            for (int i = instructions.size() - 1; i >= 0; i--) {
                if (instructions.get(i).keyword().equals(keyword)) {
                    return i;
                }
            }
            return -1;
        }

        /** ENV, in its key=value form. */
        Map<String, String> environment() {
            Map<String, String> environment = new LinkedHashMap<>();
            for (String arguments : arguments("ENV")) {
                for (String pair : arguments.trim().split("\\s+")) {
                    int equals = pair.indexOf('=');
                    if (equals < 1) {
                        throw new IllegalArgumentException("ENV in the key=value form, please: " + arguments);
                    }
                    environment.put(pair.substring(0, equals), unquoted(pair.substring(equals + 1)));
                }
            }
            return environment;
        }

        /** Where WORKDIR puts a relative path of this stage. */
        String absolute(String path) {
            if (path.startsWith("/")) {
                return path;
            }
            List<String> workdirs = arguments("WORKDIR");
            String workdir = workdirs.isEmpty() ? "/" : workdirs.get(workdirs.size() - 1).trim();
            return (workdir.endsWith("/") ? workdir : workdir + "/") + path;
        }
    }

    static Dockerfile read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Stage> stages = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : lines) {
            String trimmed = line.strip();
            if (trimmed.startsWith("#") || (trimmed.isEmpty() && current.isEmpty())) {
                continue;
            }
            if (trimmed.endsWith("\\")) {
                current.append(trimmed, 0, trimmed.length() - 1).append(' ');
                continue;
            }
            current.append(trimmed);
            add(current.toString().strip(), stages);
            current.setLength(0);
        }
        return new Dockerfile(stages);
    }

    Stage last() {
        return stages.get(stages.size() - 1);
    }

    private static void add(String instruction, List<Stage> stages) {
        if (instruction.isEmpty()) {
            return;
        }
        String[] parts = instruction.split("\\s+", 2);
        String keyword = parts[0].toUpperCase(Locale.ROOT);
        String arguments = parts.length > 1 ? parts[1] : "";
        if (keyword.equals("FROM")) {
            String[] from = arguments.split("\\s+");
            stages.add(new Stage(from.length == 3 ? from[2] : String.valueOf(stages.size()), new ArrayList<>()));
        }
        stages.get(stages.size() - 1).instructions().add(new Instruction(keyword, arguments));
    }

    private static String unquoted(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1) : value;
    }
}
