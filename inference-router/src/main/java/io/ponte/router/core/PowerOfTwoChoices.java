package io.ponte.router.core;

import io.ponte.router.spi.BackendSelector;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;

/**
 * Power-of-two-choices on weighted in-flight counts: sample two candidates, keep the one with the
 * lower {@code inFlight / weight}, the first (weighted) draw winning ties. Candidates are the available replicas not yet tried; when
 * none is left, ejected or unready replicas are used rather than failing outright (panic routing),
 * and finally replicas already tried.
 */
public final class PowerOfTwoChoices implements BackendSelector {

    @Override
    public Optional<Replica> choose(Pool pool, Set<Replica> tried) {
        List<Replica> replicas = pool.replicas();
        if (replicas.isEmpty()) {
            return Optional.empty();
        }
        long now = System.nanoTime();
        List<Replica> candidates = filter(replicas, r -> !tried.contains(r) && r.available(now));
        if (candidates.isEmpty()) {
            candidates = filter(replicas, r -> !tried.contains(r));
        }
        if (candidates.isEmpty()) {
            candidates = replicas;
        }
        return Optional.of(pick(candidates));
    }

    private static Replica pick(List<Replica> candidates) {
        if (candidates.size() == 1) {
            return candidates.get(0);
        }
        ThreadLocalRandom random = ThreadLocalRandom.current();
        Replica a = weighted(candidates, random, null);
        Replica b = weighted(candidates, random, a);
        // 'a' is a weighted draw, so ties (an idle pool, say) still split traffic by weight.
        return load(b) < load(a) ? b : a;
    }

    /** A draw proportional to weight, never {@code except}. */
    private static Replica weighted(List<Replica> candidates, ThreadLocalRandom random, Replica except) {
        int total = 0;
        for (Replica r : candidates) {
            total += r == except ? 0 : r.spec().weight();
        }
        int ticket = random.nextInt(total);
        for (Replica r : candidates) {
            if (r == except) {
                continue;
            }
            ticket -= r.spec().weight();
            if (ticket < 0) {
                return r;
            }
        }
        return candidates.get(candidates.size() - 1);
    }

    private static double load(Replica r) {
        return (double) r.inFlight() / r.spec().weight();
    }

    private static List<Replica> filter(List<Replica> replicas, Predicate<Replica> keep) {
        List<Replica> out = new ArrayList<>(replicas.size());
        for (Replica r : replicas) {
            if (keep.test(r)) {
                out.add(r);
            }
        }
        return out;
    }
}
