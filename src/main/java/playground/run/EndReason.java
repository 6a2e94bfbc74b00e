package playground.run;

import playground.lesson.Localized;
import playground.sandbox.ResourceLimits;

/**
 * Why a run ended, decided by the server from what the operating system
 * reported (never from what the program claims), with a sentence a student
 * understands.
 */
public enum EndReason {
    OK, ERROR, TIMEOUT, CPU, MEMORY, OUTPUT, KILLED, STOPPED, REFUSED;

    public String wireName() {
        return name().toLowerCase();
    }

    /** The plain-words explanation shown under the console, in both languages; null when there is nothing to explain. */
    public Localized<String> explain(RunMode mode, RunLimits limits, ResourceLimits resources, int exitCode) {
        int wall = mode == RunMode.REAL ? limits.wallSeconds() : limits.virtualWallSeconds();
        return switch (this) {
            case OK -> null;
            case ERROR -> new Localized<>("程序以退出码 " + exitCode + " 结束。", "The program exited with code " + exitCode + ".");
            case TIMEOUT -> mode == RunMode.REAL
                    ? new Localized<>("运行 " + wall + " 秒（真实时间）后被停止。快进模式会跳过 sleep；真实时间模式下程序须在 "
                            + wall + " 秒内结束。",
                    "Stopped after " + wall + " s of wall time. Fast-forward mode skips sleeps; "
                            + "real-time programs must finish in " + wall + " s.")
                    : new Localized<>("运行 " + wall + " 秒（真实时间）后被停止。快进会跳过 sleep，"
                            + "但跳不过忙循环、阻塞调用，也跳不过对永远不会发生之事的等待。",
                    "Stopped after " + wall + " s of wall time. Fast-forward skips sleeps, "
                            + "but not busy loops, blocking calls or waits for something that never happens.");
            case CPU -> new Localized<>("用了 " + resources.cpuSeconds() + " 秒 CPU 时间后被停止。找找有没有永不结束的循环。",
                    "Stopped after using " + resources.cpuSeconds() + " s of CPU time. Look for a loop that never ends.");
            case MEMORY -> new Localized<>("已停止：程序需要超过 " + (resources.memoryBytes() >> 20) + " MiB 的内存。",
                    "Stopped: the program needed more than " + (resources.memoryBytes() >> 20) + " MiB of memory.");
            case OUTPUT -> new Localized<>("已停止：程序输出超过 " + (limits.outputBytes() >> 10) + " KiB（或超过 "
                    + limits.maxEvents() + " 个事件）。已保留到此为止的输出。",
                    "Stopped: the program printed more than " + (limits.outputBytes() >> 10)
                            + " KiB of output (or more than " + limits.maxEvents() + " events). The output so far is kept.");
            case KILLED -> new Localized<>("程序被信号 " + (exitCode - 128) + " 终止。",
                    "The program was killed by signal " + (exitCode - 128) + ".");
            case STOPPED -> new Localized<>("已被你停止。", "Stopped by you.");
            case REFUSED -> new Localized<>("服务器无法启动这个程序。", "The server could not start the program.");
        };
    }
}
