// Words the scripts show, in the page's language (<html lang>, set by the
// server from ?lang=, the cookie or the browser). Templates hold the rest.

/** True when the page is in Chinese. */
export const isZh = () => document.documentElement.lang === "zh";

/** Picks the Chinese or the English text. */
export const say = (zh, en) => (isZh() ? zh : en);

/** Program and wall times as the console shows them: `1.002 s`. */
export const seconds = (value) => `${Number(value ?? 0).toFixed(3)} s`;

/** A short duration for labels: `0.2 s`, `1.5 s`, `12 s`. */
export const shortSeconds = (value) => {
  const v = Number(value ?? 0);
  return `${v >= 10 ? v.toFixed(0) : v >= 1 ? v.toFixed(1) : v.toFixed(2)} s`;
};

/** The clock a run used, named the same way as the mode switch names it. */
export const clockLabel = (mode) =>
  mode === "real" ? say("真实时间", "real time") : say("快进（虚拟时钟）", "fast-forward (virtual clock)");

/** Why a run ended, in a few words (the server's `end.message` adds the details). */
export const reasonLabel = (reason) => ({
  ok: say("正常结束", "finished"),
  error: say("出错退出", "exited with an error"),
  timeout: say("超时", "time limit"),
  cpu: say("CPU 时间超限", "CPU limit"),
  memory: say("内存超限", "memory limit"),
  output: say("输出超限", "output limit"),
  killed: say("被信号终止", "killed"),
  stopped: say("已停止", "stopped"),
  refused: say("无法启动", "could not start"),
}[reason] ?? reason);

/** The editor note for a line that held the event loop. */
export const blockedNote = (lineText, count, totalSeconds) => {
  const call = /\btime\.sleep\s*\(/.test(lineText) ? "time.sleep" : null;
  const times = count > 1 ? say(`${count} 次，共 `, `${count} times, `) : "";
  const howLong = shortSeconds(totalSeconds);
  if (call) {
    return say(`time.sleep 阻塞了事件循环 ${times}${howLong} —— 请用 await asyncio.sleep`,
      `time.sleep blocked the event loop ${times}for ${howLong} — use await asyncio.sleep`);
  }
  return say(`这一行阻塞了事件循环 ${times}${howLong}，其他任务都在等它`,
    `This line blocked the event loop ${times}for ${howLong}; no other task could run`);
};

/** The console note for a `notice`: the timeline reached one of the runner's limits; the program goes on. */
export const noticeText = (event) => {
  const limit = Number(event.limit) || 0;
  if (event.kind === "tracked-tasks") {
    return say(`任务超过 ${limit} 个：时间线只跟踪前 ${limit} 个，其余任务照常运行，它们的输出记在“其余任务”名下`,
      `More than ${limit} tasks: the timeline follows the first ${limit}; the others run as usual and their output is shown as “other tasks”`);
  }
  return say(`任务事件超过 ${limit} 个：时间线到此为止，程序照常运行，输出照常显示`,
    `More than ${limit} task events: the timeline stops here; the program runs on and its output still appears`);
};
