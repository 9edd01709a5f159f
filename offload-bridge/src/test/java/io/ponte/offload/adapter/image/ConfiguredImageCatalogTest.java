package io.ponte.offload.adapter.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ponte.offload.spi.ResolvedImage;
import io.ponte.offload.spi.ResolvedImage.Kind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfiguredImageCatalogTest {
    @TempDir
    Path dir;

    private ImageEntry entry(String pattern, Path rootfs) {
        return new ImageEntry(
                pattern,
                Optional.ofNullable(rootfs),
                Optional.of("localhost/site/" + pattern),
                Optional.empty(),
                Optional.empty(),
                List.of(),
                List.of("run-" + pattern),
                Optional.empty(),
                Map.of(),
                Optional.empty());
    }

    private ConfiguredImageCatalog catalog(
            List<ImageEntry> entries, boolean standIns, Optional<String> uriPrefix, boolean passThrough) {
        return new ConfiguredImageCatalog(new ImageCatalogConfig(entries, standIns, dir, uriPrefix, passThrough));
    }

    @Test
    void docker_hub_prefixes_and_a_missing_tag_name_the_same_image() {
        assertThat(ImageReference.parse("docker.io/library/busybox:1.36"))
                .isEqualTo(ImageReference.parse("busybox:1.36"));
        assertThat(ImageReference.parse("docker.io/busybox")).isEqualTo(new ImageReference("busybox", "latest"));
        assertThat(ImageReference.parse("localhost:5000/team/app"))
                .isEqualTo(new ImageReference("localhost:5000/team/app", "latest"));
        assertThat(ImageReference.parse("python@sha256:abc")).isEqualTo(new ImageReference("python", "sha256:abc"));
    }

    @Test
    void an_exact_tag_beats_any_tag_whatever_the_order() throws IOException {
        Path any = Files.createDirectories(dir.resolve("any"));
        Path exact = Files.createDirectories(dir.resolve("exact"));
        ConfiguredImageCatalog catalog = catalog(
                List.of(entry("python:*", any), entry("python:3.11-alpine", exact)), false, Optional.empty(), false);

        assertThat(catalog.resolve("docker.io/library/python:3.11-alpine", "bubblewrap"))
                .map(ResolvedImage::location)
                .contains(exact.toString());
        assertThat(catalog.resolve("python:alpine", "bubblewrap"))
                .map(ResolvedImage::location)
                .contains(any.toString());
        assertThat(catalog.resolve("python", "bubblewrap"))
                .map(ResolvedImage::location)
                .contains(any.toString());
        assertThat(catalog.resolve("pythonic:1", "bubblewrap")).isEmpty();
    }

    @Test
    void a_bare_name_pattern_serves_every_tag_and_keeps_the_reference_asked_for() throws IOException {
        Path rootfs = Files.createDirectories(dir.resolve("r"));
        ConfiguredImageCatalog catalog = catalog(List.of(entry("busybox", rootfs)), false, Optional.empty(), false);

        ResolvedImage image = catalog.resolve("busybox:1.36", "bubblewrap").orElseThrow();

        assertThat(image.reference()).isEqualTo("busybox:1.36");
        assertThat(image.kind()).isEqualTo(Kind.ROOTFS);
        assertThat(image.cmd()).containsExactly("run-busybox");
    }

    @Test
    void a_configured_rootfs_that_is_not_on_disk_is_not_available() {
        ConfiguredImageCatalog catalog =
                catalog(List.of(entry("busybox", dir.resolve("missing"))), false, Optional.empty(), false);

        assertThat(catalog.resolve("busybox:1.36", "bubblewrap")).isEmpty();
        assertThat(catalog.resolve("nothing:1", "bubblewrap")).isEmpty();
    }

    @Test
    void the_subprocess_runtime_resolves_every_image_to_the_host_with_its_metadata_but_no_stand_in_note() {
        ConfiguredImageCatalog catalog = catalog(List.of(), true, Optional.empty(), false);

        ResolvedImage python =
                catalog.resolve("python:3.11-alpine", "subprocess").orElseThrow();
        ResolvedImage unknown =
                catalog.resolve("example.org/unknown:1", "subprocess").orElseThrow();

        assertThat(python.kind()).isEqualTo(Kind.HOST);
        assertThat(python.cmd()).containsExactly("python3");
        assertThat(python.standIn()).isEmpty();
        assertThat(unknown.kind()).isEqualTo(Kind.HOST);
        assertThat(unknown.cmd()).isEmpty();
    }

    @Test
    void podman_gets_the_entry_tag_and_unknown_images_only_when_passed_through() {
        assertThat(catalog(List.of(entry("app", null)), false, Optional.empty(), false)
                        .resolve("app:2", "podman"))
                .map(ResolvedImage::location)
                .contains("localhost/site/app");
        assertThat(catalog(List.of(), false, Optional.empty(), false).resolve("other:1", "podman"))
                .isEmpty();
        assertThat(catalog(List.of(), false, Optional.empty(), true).resolve("other:1", "podman"))
                .map(ResolvedImage::location)
                .contains("other:1");
    }

    @Test
    void apptainer_prefers_an_existing_sif_then_a_uri_then_the_site_prefix() throws IOException {
        Path sif = Files.writeString(dir.resolve("app.sif"), "not really a sif");
        ImageEntry withSif = new ImageEntry(
                "app",
                Optional.empty(),
                Optional.empty(),
                Optional.of(sif),
                Optional.of("oras://site/app:1"),
                List.of(),
                List.of(),
                Optional.empty(),
                Map.of(),
                Optional.empty());
        ImageEntry missingSif = new ImageEntry(
                "lib",
                Optional.empty(),
                Optional.empty(),
                Optional.of(dir.resolve("lib.sif")),
                Optional.of("oras://site/lib:1"),
                List.of(),
                List.of(),
                Optional.empty(),
                Map.of(),
                Optional.empty());
        ConfiguredImageCatalog catalog = catalog(List.of(withSif, missingSif), false, Optional.of("docker://"), false);

        assertThat(catalog.resolve("app", "apptainer").orElseThrow())
                .extracting(ResolvedImage::kind, ResolvedImage::location)
                .containsExactly(Kind.SIF, sif.toString());
        assertThat(catalog.resolve("lib", "singularity").orElseThrow())
                .extracting(ResolvedImage::kind, ResolvedImage::location)
                .containsExactly(Kind.URI, "oras://site/lib:1");
        assertThat(catalog.resolve("python:3.11-alpine", "apptainer").orElseThrow())
                .extracting(ResolvedImage::kind, ResolvedImage::location)
                .containsExactly(Kind.URI, "docker://python:3.11-alpine");
        assertThat(catalog(List.of(), false, Optional.empty(), false).resolve("python:3.11", "apptainer"))
                .isEmpty();
    }

    @Test
    void the_image_root_annotation_points_at_the_sites_own_store() {
        assertThat(ConfiguredImageCatalog.withImageRoot("python:3.11", "docker://"))
                .extracting(ResolvedImage::kind, ResolvedImage::location)
                .containsExactly(Kind.URI, "docker://python:3.11");
        assertThat(ConfiguredImageCatalog.withImageRoot("busybox.sif", "/cvmfs/images/")
                        .kind())
                .isEqualTo(Kind.SIF);
        assertThat(ConfiguredImageCatalog.withImageRoot("busybox:1.36", "/cvmfs/unpacked/")
                        .kind())
                .isEqualTo(Kind.ROOTFS);
    }

    @Test
    void the_built_in_stand_ins_say_what_they_are() throws IOException {
        Files.createDirectories(StandInImages.rootfs(dir));
        ConfiguredImageCatalog catalog = catalog(List.of(), true, Optional.empty(), false);

        for (String ref : List.of(
                "busybox:1.36",
                "docker.io/library/alpine:3.19",
                "python:alpine",
                "nginx:alpine",
                "ghcr.io/grycap/cowsay")) {
            ResolvedImage image = catalog.resolve(ref, "bubblewrap").orElseThrow();
            assertThat(image.location()).isEqualTo(StandInImages.rootfs(dir).toString());
            assertThat(image.standIn())
                    .get()
                    .asString()
                    .contains("Debian bookworm")
                    .contains("stands in");
            assertThat(catalog.resolve(ref, "podman"))
                    .map(ResolvedImage::location)
                    .contains(StandInImages.PODMAN_TAG);
        }
        assertThat(catalog.resolve("landerlini/vktestset-rclone-bind:latest", "bubblewrap"))
                .isEmpty();
    }

    @Test
    void an_unknown_runtime_is_refused() {
        assertThatThrownBy(
                        () -> catalog(List.of(), true, Optional.empty(), false).resolve("busybox", "docker"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("docker");
    }
}
