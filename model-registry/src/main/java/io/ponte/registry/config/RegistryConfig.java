package io.ponte.registry.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every {@code ponte.registry.*} setting. */
@ConfigMapping(prefix = "ponte.registry")
public interface RegistryConfig {

    /** Where entities are stored. */
    DatabaseConfig database();

    /** Who may call the API. */
    AuthConfig auth();

    /** How model versions become KServe InferenceServices. */
    DeployConfig deploy();

    /** The PostgreSQL the registry keeps its entities in. */
    interface DatabaseConfig {

        /**
         * JDBC URL of a PostgreSQL server, e.g. {@code jdbc:postgresql://db:5432/registry}. When absent the
         * registry starts an embedded PostgreSQL of its own, keeping its data in {@link #embeddedDataDir()}.
         */
        Optional<String> url();

        /** The database user. */
        @WithDefault("postgres")
        String user();

        /** The database password; never logged. */
        Optional<String> password();

        /** Connections in the pool. */
        @WithDefault("8")
        @Min(1)
        @Max(200)
        int poolSize();

        /**
         * Where the embedded PostgreSQL keeps its files (used only without {@link #url()}), relative to the working
         * directory: {@code ponte up} runs the registry in {@code .ponte/data/model-registry}.
         */
        @WithDefault("registry-postgres")
        Path embeddedDataDir();

        /** The embedded PostgreSQL's port on loopback; 0 picks a free one. */
        @WithDefault("0")
        int embeddedPort();
    }

    /** Access control. */
    interface AuthConfig {

        /**
         * Bearer tokens that may call the API. When none are configured the API is open, which is only sensible
         * on loopback (the default bind address).
         */
        Optional<List<String>> tokens();

        /**
         * A role every OIDC-authenticated caller must hold, e.g. {@code registry-user}; a valid token without it is
         * answered 403. Applies only when an OIDC issuer is configured ({@code quarkus.oidc.tenant-enabled=true} and
         * {@code quarkus.oidc.auth-server-url}), and not to static {@link #tokens()}. Roles are read as quarkus-oidc
         * reads them: the {@code groups} claim, or Keycloak's {@code realm_access.roles} and
         * {@code resource_access.<client-id>.roles}; to require a scope instead, set
         * {@code quarkus.oidc.roles.role-claim-path=scope}. Absent: any valid token from the issuer may call the API.
         */
        Optional<String> oidcRequiredRole();
    }

    /** Deploying versions to KServe. */
    interface DeployConfig {

        /** The namespace InferenceServices are created in unless a deploy request names one. */
        @WithDefault("default")
        String namespace();

        /** Whether to watch InferenceServices and copy their status (URL, Ready) into the registry. */
        @WithDefault("true")
        boolean watch();

        /** Named placements: where and on what a deployed version runs. */
        Map<String, PlacementConfig> placements();
    }

    /**
     * A place to run a predictor, e.g. {@code leonardo-h100}: an interLink virtual node in front of a Slurm
     * partition with H100 GPUs.
     */
    interface PlacementConfig {

        /** Node labels the predictor pod must match (the interLink virtual node's, for offloaded ones). */
        Map<String, String> nodeSelector();

        /** Whether the pod tolerates {@code virtual-node.interlink/no-schedule}, the taint of interLink nodes. */
        @WithDefault("false")
        boolean interlink();

        /** Extra sbatch flags for the offloaded job ({@code slurm-job.vk.io/flags}). */
        Optional<String> slurmFlags();

        /** GPUs per predictor ({@code nvidia.com/gpu} limit). */
        Optional<Integer> gpus();

        /** CPU request and limit, e.g. {@code 4}. */
        Optional<String> cpu();

        /** Memory request and limit, e.g. {@code 32Gi}. */
        Optional<String> memory();

        /** The ServingRuntime to use when the version does not name one. */
        Optional<String> runtime();

        /** Extra annotations on the InferenceService. */
        Map<String, String> annotations();
    }
}
