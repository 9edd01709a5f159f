package io.ponte.bench.common;

import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.List;

/** The commit a run measured: short hash, branch, and whether the work tree had uncommitted changes. */
public record Git(String commit, String branch, boolean dirty) {

    public static Git of(Path repo) {
        String commit = git(repo, "rev-parse", "--short", "HEAD");
        return new Git(
                commit.isEmpty() ? "unknown" : commit,
                git(repo, "rev-parse", "--abbrev-ref", "HEAD"),
                !git(repo, "status", "--porcelain").isEmpty());
    }

    public JsonObject toJson() {
        return new JsonObject().put("commit", commit).put("branch", branch).put("dirty", dirty);
    }

    /** What git printed, trimmed; empty when it cannot run. */
    private static String git(Path repo, String... args) {
        List<String> command = new java.util.ArrayList<>(List.of("git", "-C", repo.toString()));
        command.addAll(List.of(args));
        return String.join("\n", Shell.lines(command)).trim();
    }
}
