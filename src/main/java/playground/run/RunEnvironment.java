package playground.run;

import playground.sandbox.ResourceLimits;
import playground.sandbox.Sandbox;

import java.nio.file.Path;
import java.util.concurrent.ExecutorService;

/**
 * What every run shares: where runs keep their files, the interpreter and
 * runner, the sandbox, the limits, and the threads that read processes.
 */
public record RunEnvironment(Path runsRoot, Path python, Path runnerDir, Sandbox sandbox,
                             RunLimits runLimits, ResourceLimits resourceLimits, ExecutorService ioThreads) {
}
