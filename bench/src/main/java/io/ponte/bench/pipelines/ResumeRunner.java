package io.ponte.bench.pipelines;

import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.supplier.AgroalDataSourceConfigurationSupplier;
import io.agroal.api.security.NamePrincipal;
import io.agroal.api.security.SimplePassword;
import io.ponte.pipelines.adapter.local.LocalExecutor;
import io.ponte.pipelines.adapter.postgres.Migrations;
import io.ponte.pipelines.adapter.postgres.PostgresRunStore;
import io.ponte.pipelines.core.engine.Engine;
import io.ponte.pipelines.spi.RunEvents;
import io.ponte.pipelines.spi.RunRecord;
import io.ponte.pipelines.spi.TaskRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The runner JVM of section 3, wired like the service's {@code EngineProducer} (PostgreSQL run store migrated at
 * start, embedded S3 object store over a directory that outlives the process, the local executor with its defaults,
 * the service's engine settings) and started the way the service starts: build everything, then {@code resumeAll}.
 * With {@code --create} it also creates a run. It prints {@link Timeline} events for the harness, which kills it
 * with SIGKILL and starts it again on the same database and directories.
 */
@Command(name = "resume-runner", mixinStandardHelpOptions = true, description = "A pipeline runner that can be killed.")
public final class ResumeRunner implements Callable<Integer> {

    @Option(names = "--jdbc-url", required = true, description = "The run store's database.")
    String jdbcUrl;

    @Option(names = "--jdbc-user", defaultValue = "postgres", description = "Database user.")
    String jdbcUser;

    @Option(names = "--work", required = true, description = "Work directory (attempts are staged here).")
    Path work;

    @Option(names = "--s3-dir", required = true, description = "Directory of the embedded S3 object store.")
    Path s3Dir;

    @Option(names = "--create", description = "IR file of a run to create after start-up.")
    Path create;

    @Option(names = "--ledger", description = "Value of the run's `ledger` parameter (with --create).")
    String ledger;

    @Option(names = "--exit-when-done", description = "Exit once every run this runner executes has ended.")
    boolean exitWhenDone;

    public static void main(String[] args) {
        Timeline.emit("main");
        int rc = new CommandLine(new ResumeRunner()).execute(args);
        if (rc != 0) {
            System.exit(rc);
        }
    }

    @Override
    public Integer call() throws Exception {
        AgroalDataSource pool = AgroalDataSource.from(new AgroalDataSourceConfigurationSupplier()
                .connectionPoolConfiguration(p -> p.maxSize(8)
                        .minSize(1)
                        .initialSize(1)
                        .acquisitionTimeout(Duration.ofSeconds(10))
                        .connectionFactoryConfiguration(cf -> cf.jdbcUrl(jdbcUrl)
                                .principal(new NamePrincipal(jdbcUser))
                                .credential(new SimplePassword(System.getenv().getOrDefault("PGPASSWORD", ""))))));
        // As the service's EngineProducer: the object store starts while the database is checked.
        CompletableFuture<ObjectStores> starting = CompletableFuture.supplyAsync(() -> {
            try {
                ObjectStores o = new ObjectStores(s3Dir);
                Timeline.emit("objects-ready");
                return o;
            } catch (Exception e) {
                throw new CompletionException(e);
            }
        });
        Migrations.apply(pool);
        Timeline.emit("store-ready");
        ObjectStores objects = starting.join();
        LocalExecutor local = Engines.local();
        RunEvents events = new RunEvents() {
            @Override
            public void runChanged(RunRecord run) {
                if (run.state().isFinal()) {
                    Timeline.emit("run-ended", run.id(), run.state().name());
                    if (exitWhenDone) {
                        new Thread(() -> System.exit(0)).start();
                    }
                }
            }

            @Override
            public void taskChanged(TaskRecord task) {}
        };
        Engine engine = new Engine(
                Engines.settings(work, local.name()),
                new PostgresRunStore(pool),
                objects.store(),
                events,
                Map.of(local.name(), new ObservedExecutor(local)));
        Timeline.emit("engine-ready");
        int resumed = engine.resumeAll();
        Timeline.emit("resume-returned", Integer.toString(resumed));
        if (create != null) {
            RunRecord run = engine.create(Engines.request(Files.readString(create), Map.of("ledger", ledger)));
            Timeline.emit("run-created", run.id());
        }
        Thread.currentThread().join();
        return 0;
    }
}
