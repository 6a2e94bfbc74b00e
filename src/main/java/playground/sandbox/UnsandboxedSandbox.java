package playground.sandbox;

import java.io.File;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * The explicit insecure development mode ({@code PLAYGROUND_INSECURE=1}):
 * the runner starts as a plain child process of the server. Nothing is
 * isolated; every page says so.
 */
public final class UnsandboxedSandbox implements Sandbox {

    @Override
    public String name() {
        return "none";
    }

    @Override
    public boolean isolated() {
        return false;
    }

    @Override
    public Process start(RunnerLaunch launch) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(List.of(
                launch.python().toString(), "-I", "-X", "utf8", "-u",
                launch.runnerDir().resolve("run.py").toString(),
                "--channel", launch.channelDir().resolve(RunnerLaunch.SOCKET_NAME).toString()));
        builder.directory(launch.workDir().toFile());
        Map<String, String> env = builder.environment();
        env.clear();
        env.put("PATH", "/usr/bin:/bin");
        env.put("LANG", "C.UTF-8");
        env.put("HOME", launch.workDir().toString());
        builder.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        return builder.start();
    }
}
