package io.ponte.offload.adapter.slurm;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/** Folds {@code sinfo -N -o "%P|%N|%c|%m|%G|%l"} (one line per node and partition) into a {@link PartitionInfo}. */
final class SlurmCliPartitions {
    private SlurmCliPartitions() {}

    /** The named partition, or the default one (marked {@code *}) when {@code name} is blank. */
    static Optional<PartitionInfo> parse(String sinfo, String name) {
        String wanted = name == null || name.isBlank() ? null : name;
        String found = null;
        Set<String> nodes = new LinkedHashSet<>();
        int cpus = 0;
        long memory = 0;
        int gpus = 0;
        long maxTime = -1;
        for (String line : sinfo.split("\n")) {
            String[] f = line.strip().split("\\|", -1);
            if (f.length < 6) {
                continue;
            }
            boolean isDefault = f[0].endsWith("*");
            String partition = isDefault ? f[0].substring(0, f[0].length() - 1) : f[0];
            if (wanted == null ? !isDefault : !partition.equals(wanted)) {
                continue;
            }
            found = partition;
            nodes.add(f[1]);
            cpus = Math.max(cpus, (int) SlurmCliParser.number(f[2]));
            memory = Math.max(memory, SlurmCliParser.number(f[3]));
            gpus = Math.max(gpus, SlurmCliParser.gpus(f[4]));
            maxTime = SlurmCliParser.minutes(f[5]);
        }
        if (found == null) {
            return Optional.empty();
        }
        return Optional.of(new PartitionInfo(found, nodes.size(), cpus, memory, gpus, maxTime));
    }
}
