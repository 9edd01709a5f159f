package io.ponte.cli.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ServiceCatalogTest {
    private final Path root = Path.of("/repo");
    private final Path java = Path.of("/jdk/bin/java");

    @Test
    void the_router_runs_its_quarkus_fast_jar_with_the_port_as_a_system_property() {
        ServiceSpec router = ServiceCatalog.standard().get("inference-router");

        assertThat(router.command(java, root, 8080, Optional.empty()))
                .containsExactly(
                        "/jdk/bin/java",
                        "-Dquarkus.http.port=8080",
                        "-jar",
                        "/repo/inference-router/target/quarkus-app/quarkus-run.jar");
        assertThat(router.module()).contains("inference-router");
        assertThat(router.buildInputs()).containsExactly("api");
        assertThat(router.readyPath()).isEqualTo("/q/health/ready");
    }

    @Test
    void a_config_file_and_embedded_defaults_become_system_properties_before_the_program() {
        ServiceSpec spec = new ServiceSpec(
                "svc",
                Optional.empty(),
                List.of(),
                new Launch.MainClass(Path.of("classes"), "example.Main"),
                9000,
                "PONTE_SVC_PORT",
                "/",
                ServiceSpec.QUARKUS_READY_PATH,
                List.of("-Xmx64m"),
                Map.of("b.key", "2", "a.key", "1"),
                Map.of());

        assertThat(spec.command(java, root, 9001, Optional.of(Path.of("/state/config/svc.properties"))))
                .containsExactly(
                        "/jdk/bin/java",
                        "-Xmx64m",
                        "-Da.key=1",
                        "-Db.key=2",
                        "-Dquarkus.http.port=9001",
                        "-Dquarkus.config.locations=/state/config/svc.properties",
                        "-cp",
                        "/repo/classes",
                        "example.Main");
    }

    @Test
    void the_router_port_defaults_to_8080_and_follows_PONTE_ROUTER_PORT() {
        ServiceSpec router = ServiceCatalog.standard().get("inference-router");

        assertThat(router.port(Map.of())).isEqualTo(8080);
        assertThat(router.port(Map.of("PONTE_ROUTER_PORT", "18080"))).isEqualTo(18080);
        assertThatThrownBy(() -> router.port(Map.of("PONTE_ROUTER_PORT", "70000")))
                .hasMessageContaining("between 1 and 65535");
    }

    @Test
    void selecting_keeps_catalogue_order_and_rejects_unknown_names() {
        ServiceCatalog catalog = new ServiceCatalog(List.of(
                ServiceSpec.quarkusApp("first", 1, "P1", "/", List.of()),
                ServiceSpec.quarkusApp("second", 2, "P2", "/", List.of())));

        assertThat(catalog.select(List.of("second", "first")))
                .extracting(ServiceSpec::name)
                .containsExactly("first", "second");
        assertThat(catalog.select(List.of())).hasSize(2);
        assertThatThrownBy(() -> catalog.select(List.of("third")))
                .isInstanceOf(StackException.class)
                .hasMessage("unknown service 'third'; the stack has: first, second");
    }

    @Test
    void every_catalogued_module_exists_in_the_repository() {
        Path repository = Path.of("").toAbsolutePath().getParent();

        for (ServiceSpec service : ServiceCatalog.standard().services()) {
            assertThat(repository.resolve(service.module().orElseThrow()).resolve("pom.xml"))
                    .as(service.name())
                    .isRegularFile();
            for (String input : service.buildInputs()) {
                assertThat(repository.resolve(input).resolve("pom.xml"))
                        .as(input)
                        .isRegularFile();
            }
        }
    }
}
