package playground;

import io.javalin.Javalin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import playground.lesson.LessonLibrary;
import playground.run.FileTrees;
import playground.run.PythonInterpreter;
import playground.run.RunEnvironment;
import playground.run.RunRequestParser;
import playground.run.RecentRuns;
import playground.run.RunService;
import playground.run.RunStore;
import playground.run.RunnerPool;
import playground.run.RunnerFiles;
import playground.sandbox.SandboxSelection;
import playground.sandbox.SandboxSelector;
import playground.web.ClientKeys;
import playground.web.PageWarmUp;
import playground.web.ServerStatus;
import playground.web.WebServer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Wires the playground together, explicitly and in one place: settings →
 * interpreter and runner → sandbox → runs → lessons → web. Nothing else
 * creates long-lived objects.
 */
public final class App implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(App.class);

    private final Javalin web;
    private final Path stateDir;
    private final ServerStatus status;
    private final RunnerPool warmRunners;
    private final ExecutorService[] pools;

    private App(Javalin web, Path stateDir, ServerStatus status, RunnerPool warmRunners, ExecutorService... pools) {
        this.web = web;
        this.stateDir = stateDir;
        this.status = status;
        this.warmRunners = warmRunners;
        this.pools = pools;
    }

    public static void main(String[] args) {
        Config config;
        try {
            config = Config.fromEnvironment();
        } catch (IllegalArgumentException e) {
            System.err.println("asyncio playground: " + e.getMessage());
            System.exit(2);
            return;
        }
        try {
            App app = start(config);
            Runtime.getRuntime().addShutdownHook(new Thread(app::close, "shutdown"));
            System.out.println("asyncio playground: http://" + displayHost(config.host()) + ":" + app.port());
        } catch (Exception e) {
            System.err.println("asyncio playground could not start: " + e.getMessage());
            System.exit(1);
        }
    }

    /** Starts a server with these settings (port 0 picks a free port); tests use this too. */
    public static App start(Config config) throws IOException {
        PythonInterpreter python = PythonInterpreter.resolve(config.python());
        // Traversable by others, not listable: the sandbox's own uids reach the runner and their run dirs by path.
        Path stateDir = Files.createTempDirectory("asyncio-playground-",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx--x--x")));
        Path runnerDir = RunnerFiles.install(stateDir.resolve("runner"));
        Path runsRoot = Files.createDirectories(stateDir.resolve("runs"));

        SandboxSelection sandbox = SandboxSelector.select(python.executable(), runnerDir, config.resourceLimits(),
                config.insecure(), config.sandboxSettings());
        ServerStatus status = new ServerStatus(sandbox.name(), sandbox.description(), sandbox.sandbox() != null,
                config.insecure(), python.version());
        LOG.info("python {} at {}; sandbox: {} ({})", python.version(), python.executable(), status.sandbox(),
                status.isolation());

        ExecutorService runWorkers = Executors.newCachedThreadPool(named("run"));
        ExecutorService ioThreads = Executors.newCachedThreadPool(named("run-io"));
        ExecutorService sseSenders = Executors.newFixedThreadPool(8, named("sse"));
        RunEnvironment environment = new RunEnvironment(runsRoot, python.executable(), runnerDir, sandbox.sandbox(),
                config.runLimits(), config.resourceLimits(), ioThreads);
        RunStore store = new RunStore(Duration.ofMinutes(config.schedulerLimits().keepResultsMinutes()),
                config.schedulerLimits().keepResults());
        RunnerPool pool = new RunnerPool(environment, sandbox.sandbox() == null ? 0 : config.schedulerLimits().warmRunners());
        RecentRuns recentRuns = new RecentRuns(Duration.ofMinutes(config.schedulerLimits().reuseRunsMinutes()), 200);
        RunService runs = new RunService(store, environment, pool, config.schedulerLimits(), recentRuns, runWorkers);
        LessonLibrary lessons = new LessonLibrary(config.lessonsDir());
        lessons.course();

        Javalin web = WebServer.create(lessons, runs, new RunRequestParser(config.runLimits().codeBytes()), status,
                new ClientKeys(config.trustProxy()), sseSenders);
        web.start(config.host(), config.port());
        PageWarmUp.start("http://" + displayHost(config.host()) + ":" + web.port(), lessons.course());
        return new App(web, stateDir, status, pool, runWorkers, ioThreads, sseSenders);
    }

    public int port() {
        return web.port();
    }

    public ServerStatus status() {
        return status;
    }

    @Override
    public void close() {
        web.stop();
        warmRunners.close();
        for (ExecutorService pool : pools) pool.shutdownNow();
        FileTrees.deleteQuietly(stateDir);
    }

    private static String displayHost(String host) {
        return host.equals("0.0.0.0") || host.equals("::") ? "127.0.0.1" : host;
    }

    private static ThreadFactory named(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
