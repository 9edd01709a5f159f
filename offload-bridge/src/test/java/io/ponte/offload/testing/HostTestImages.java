package io.ponte.offload.testing;

import io.ponte.offload.spi.ImageCatalog;
import io.ponte.offload.spi.ResolvedImage;
import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A stand-in image catalog for tests while the real one is not in this branch: every image exists
 * as "the host" except references containing {@code does-not-exist}.
 */
@ApplicationScoped
@DefaultBean
public class HostTestImages implements ImageCatalog {

    @Override
    public Optional<ResolvedImage> resolve(String reference, String runtime) {
        if (reference.contains("does-not-exist")) {
            return Optional.empty();
        }
        return Optional.of(new ResolvedImage(
                reference,
                ResolvedImage.Kind.HOST,
                "",
                List.of(),
                List.of(),
                Optional.empty(),
                Map.of(),
                Optional.empty()));
    }
}
