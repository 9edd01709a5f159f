package io.ponte.cli;

import io.ponte.cli.stack.ProcessSupervisor;
import io.ponte.cli.stack.ServiceSpec;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
        name = "down",
        mixinStandardHelpOptions = true,
        description = {
            "Stops services.",
            "Stops the stack's services (all of them when none is named), the last started first: "
                    + "SIGTERM, up to 10 s to exit, then SIGKILL. Removes their pid files. Stopping a service "
                    + "that does not run is not an error."
        })
final class DownCommand implements Callable<Integer> {
    @ParentCommand
    Ponte ponte;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SERVICE", arity = "0..*", description = "Services to stop (default: all).")
    List<String> names = new ArrayList<>();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        ProcessSupervisor supervisor = ponte.supervisor();
        for (ServiceSpec service : ponte.workspace().catalog().select(names).reversed()) {
            String pid = supervisor
                    .running(service)
                    .map(r -> " (pid " + r.pid() + ")")
                    .orElse("");
            String outcome = switch (supervisor.stop(service)) {
                case STOPPED -> "stopped" + pid;
                case KILLED ->
                    "killed" + pid + ": it did not exit within "
                            + supervisor.stopGrace().toSeconds() + " s of SIGTERM";
                case WAS_NOT_RUNNING -> "was not running (removed its stale pid file)";
                case NOT_STARTED -> "not running";
            };
            out.println(service.name() + "  " + outcome);
        }
        return 0;
    }
}
