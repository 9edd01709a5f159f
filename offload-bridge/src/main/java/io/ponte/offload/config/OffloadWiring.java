package io.ponte.offload.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.Quantity;
import io.ponte.offload.adapter.image.ConfiguredImageCatalog;
import io.ponte.offload.adapter.image.ImageCatalogConfig;
import io.ponte.offload.adapter.image.ImageEntry;
import io.ponte.offload.adapter.local.LocalScheduler;
import io.ponte.offload.adapter.runtime.ApptainerRuntime;
import io.ponte.offload.adapter.runtime.BubblewrapRuntime;
import io.ponte.offload.adapter.runtime.PodmanRuntime;
import io.ponte.offload.adapter.runtime.SingularityRuntime;
import io.ponte.offload.adapter.runtime.SubprocessRuntime;
import io.ponte.offload.adapter.slurm.SlurmCli;
import io.ponte.offload.adapter.slurm.SlurmScheduler;
import io.ponte.offload.core.Flavor;
import io.ponte.offload.core.HostPathPolicy;
import io.ponte.offload.core.OffloadService;
import io.ponte.offload.core.PlannerSettings;
import io.ponte.offload.core.PodPlanner;
import io.ponte.offload.core.Runtimes;
import io.ponte.offload.spi.ImageCatalog;
import io.ponte.offload.spi.JobScheduler;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/** Builds the bridge from {@link OffloadConfig}: the scheduler, the planner and the service. */
@Singleton
class OffloadWiring {
    private static final Logger LOG = Logger.getLogger(OffloadWiring.class);

    @Produces
    @Singleton
    JobScheduler scheduler(OffloadConfig config) {
        if (config.backend().equals("slurm")) {
            OffloadConfig.SlurmConfig slurm = config.slurm();
            SlurmCli cli = new SlurmCli(new SlurmCli.Options(slurm.conf(), slurm.binDir(), slurm.commandTimeout()));
            return new SlurmScheduler(cli, slurm.partition());
        }
        return new LocalScheduler();
    }

    @Produces
    @Singleton
    ImageCatalog images(OffloadConfig config) {
        OffloadConfig.ImagesConfig images = config.images();
        List<ImageEntry> entries = new ArrayList<>();
        images.entries()
                .forEach((name, e) -> entries.add(new ImageEntry(
                        e.pattern(),
                        e.rootfs(),
                        e.podmanTag(),
                        e.sif(),
                        e.uri(),
                        e.entrypoint().orElse(List.of()),
                        e.cmd().orElse(List.of()),
                        e.workingDir(),
                        e.env(),
                        e.standIn())));
        return new ConfiguredImageCatalog(new ImageCatalogConfig(
                entries,
                images.standIns(),
                images.dir().orElseGet(ImageCatalogConfig::defaultImagesDir),
                images.uriPrefix(),
                images.podmanPassThrough()));
    }

    @Produces
    @Singleton
    Runtimes runtimes(OffloadConfig config) {
        OffloadConfig.RuntimesConfig r = config.runtimes();
        BubblewrapRuntime.Options bwrap = BubblewrapRuntime.Options.defaults();
        return new Runtimes(List.of(
                new SubprocessRuntime(),
                new BubblewrapRuntime(new BubblewrapRuntime.Options(
                        r.bubblewrap(), bwrap.writablePaths(), bwrap.dropCapabilities(), bwrap.capabilities())),
                new PodmanRuntime(new PodmanRuntime.Options(
                        r.podman(), r.podmanNetwork(), r.podmanOptions().orElse(List.of()))),
                new ApptainerRuntime(new ApptainerRuntime.Options(r.apptainer(), r.apptainerOptions())),
                new SingularityRuntime(new ApptainerRuntime.Options(r.singularity(), r.apptainerOptions()))));
    }

    @Produces
    @Singleton
    @Startup
    OffloadService service(
            OffloadConfig config, JobScheduler scheduler, Runtimes runtimes, ImageCatalog images, ObjectMapper json) {
        PlannerSettings settings = new PlannerSettings(
                config.root().toAbsolutePath(),
                config.runtime(),
                flavors(config),
                config.defaultFlavor(),
                baseFlags(config),
                new HostPathPolicy(config.hostPath().allowedRoots().orElse(List.of())));
        runtimes.require(config.runtime(), "configuration ponte.offload.runtime");
        OffloadService service = new OffloadService(
                new PodPlanner(settings, runtimes, images),
                scheduler,
                json,
                config.root().toAbsolutePath(),
                config.pollInterval(),
                config.terminationGrace(),
                config.keepDeleted());
        int adopted = service.adoptExisting();
        LOG.infof(
                "offload-bridge: %s backend, runtime %s, pods in %s; %d running pod(s) taken back",
                scheduler.name(), config.runtime(), config.root().toAbsolutePath(), adopted);
        return service;
    }

    void close(@Disposes OffloadService service) {
        service.close();
    }

    private static List<String> baseFlags(OffloadConfig config) {
        List<String> flags = new ArrayList<>();
        config.slurm().partition().ifPresent(p -> flags.add("--partition=" + p));
        config.slurm().flags().ifPresent(flags::addAll);
        return flags;
    }

    private static Map<String, Flavor> flavors(OffloadConfig config) {
        Map<String, Flavor> out = new LinkedHashMap<>();
        config.flavors()
                .forEach((name, f) -> out.put(
                        name,
                        new Flavor(
                                name,
                                f.cpus(),
                                f.memory().map(m -> mebibytes(name, m)),
                                f.gpus(),
                                f.flags().orElse(List.of()))));
        return out;
    }

    private static long mebibytes(String flavor, String quantity) {
        try {
            return Quantity.getAmountInBytes(new Quantity(quantity))
                    .divide(BigDecimal.valueOf(1024 * 1024), 0, RoundingMode.CEILING)
                    .longValueExact();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(
                    "ponte.offload.flavors." + flavor + ".memory '" + quantity + "' is not a Kubernetes quantity");
        }
    }
}
