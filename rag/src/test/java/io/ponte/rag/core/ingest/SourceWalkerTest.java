package io.ponte.rag.core.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ponte.rag.core.ingest.SourceWalker.Listing;
import io.ponte.rag.core.ingest.SourceWalker.Skipped;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceWalkerTest {

    @TempDir
    Path tmp;

    private Path write(String relative, int bytes) throws IOException {
        Path file = tmp.resolve("root").resolve(relative);
        Files.createDirectories(file.getParent());
        return Files.write(file, new byte[bytes]);
    }

    @Test
    void lists_supported_files_recursively_sorted_with_forward_slashes() throws IOException {
        write("docs/guide/install.md", 10);
        write("docs/api.rst", 10);
        write("README.MD", 10);
        write("manual.pdf", 10);
        write("docs/logo.png", 10);
        write("main.go", 10);

        Listing listing = new SourceWalker().walk(tmp.resolve("root"));

        assertThat(listing.files()).containsExactly("README.MD", "docs/api.rst", "docs/guide/install.md", "manual.pdf");
        assertThat(listing.skipped()).isEmpty();
    }

    @Test
    void hidden_entries_and_node_modules_are_passed_over() throws IOException {
        write("docs/a.md", 10);
        write(".git/description.md", 10);
        write("site/node_modules/pkg/README.md", 10);
        write("docs/.draft.md", 10);

        Listing listing = new SourceWalker().walk(tmp.resolve("root"));

        assertThat(listing.files()).containsExactly("docs/a.md");
        assertThat(listing.skipped()).isEmpty();
    }

    @Test
    void files_over_the_size_limit_are_skipped_with_a_reason() throws IOException {
        write("small.md", 100);
        write("big/dump.txt", 101);

        Listing listing = new SourceWalker(100).walk(tmp.resolve("root"));

        assertThat(listing.files()).containsExactly("small.md");
        assertThat(listing.skipped()).containsExactly(new Skipped("big/dump.txt", "larger than 100 bytes (101)"));
    }

    @Test
    void links_are_followed_inside_the_root_and_never_out_of_it() throws IOException {
        Path outside = Files.createDirectories(tmp.resolve("outside"));
        Files.writeString(outside.resolve("secret.md"), "# Secret");
        write("docs/a.md", 10);
        Path root = tmp.resolve("root");
        Files.createSymbolicLink(root.resolve("escape"), outside);
        Files.createSymbolicLink(root.resolve("secret.md"), outside.resolve("secret.md"));
        Files.createSymbolicLink(root.resolve("alias"), root.resolve("docs"));
        Files.createSymbolicLink(root.resolve("docs/loop"), root);

        Listing listing = new SourceWalker().walk(root);

        assertThat(listing.files()).containsExactly("alias/a.md", "docs/a.md");
        assertThat(listing.skipped())
                .containsExactly(
                        new Skipped("alias/loop", "a link that loops back to a directory above it"),
                        new Skipped("docs/loop", "a link that loops back to a directory above it"),
                        new Skipped("escape", "a link to a directory outside the root"),
                        new Skipped("secret.md", "a link to a file outside the root"));
    }

    @Test
    void a_root_that_is_not_a_directory_is_refused() throws IOException {
        Path file = write("file.md", 1);

        assertThatThrownBy(() -> new SourceWalker().walk(file))
                .isInstanceOf(SourceRootException.class)
                .hasMessage(file + ": cannot ingest from here, not a directory");
        assertThatThrownBy(() -> new SourceWalker().walk(tmp.resolve("missing")))
                .isInstanceOf(SourceRootException.class)
                .hasMessageEndingWith("does not exist");
    }
}
