/**
 * The offload-bridge benchmark: trivial pods through the interLink plugin API on the local Slurm
 * cluster, against the same trivial job submitted with sbatch and polled with squeue in the same
 * run. See bench/offload/README.md.
 */
package io.ponte.bench.offload;
