// The tasks of one run, in the order they appeared. Console and timeline both
// ask this registry for a task's name and colour, so a task wears the same
// colour in both places.

import { say } from "./i18n.js";

/** How many task colours the stylesheet defines (`.task-c0` … `.task-c7`). */
const COLOURS = 8;

/** Key of the pseudo-task for code outside any task (module level, before/after asyncio.run). */
export const MAIN = "main";

/** The runner's task id for every task past its limits (`notice` kind tracked-tasks / task-events). */
export const UNTRACKED = "untracked";

export class TaskRegistry {
  constructor() {
    /** @type {Map<string, {id:string, name:string, parent:?string, colour:string, order:number}>} */
    this.tasks = new Map();
    /** name → how many tasks have had it, for telling apart tasks that share a name. */
    this.nameCounts = new Map();
  }

  /** The task for an event's task id; `null` means the main program. Unknown ids get a row too. */
  get(id) {
    const key = id ?? MAIN;
    let task = this.tasks.get(key);
    if (!task) {
      task = {
        id: key,
        name: defaultName(key),
        parent: null,
        colour: key === MAIN ? "task-main" : `task-c${this.countReal() % COLOURS}`,
        order: this.tasks.size,
      };
      task.label = task.name;
      this.tasks.set(key, task);
    }
    return task;
  }

  /** Records what a `task` event says about a task's name and parent. */
  update(event) {
    const task = this.get(event.id);
    if (event.name && String(event.name) !== task.name) this.rename(task, String(event.name));
    if (event.parent !== undefined) task.parent = event.parent;
    return task;
  }

  /** Names are not unique (`worker` ×3): the second and later get `#2`, `#3` in their label. */
  rename(task, name) {
    task.name = name;
    const nth = (this.nameCounts.get(name) ?? 0) + 1;
    this.nameCounts.set(name, nth);
    task.label = nth > 1 ? `${name} #${nth}` : name;
  }

  countReal() {
    return this.tasks.size - (this.tasks.has(MAIN) ? 1 : 0);
  }

  all() {
    return [...this.tasks.values()];
  }
}

function defaultName(key) {
  if (key === MAIN) return say("主程序", "main program");
  if (key === UNTRACKED) return say("其余任务（未跟踪）", "other tasks (untracked)");
  if (key.startsWith("thread:")) return say(`线程 ${key.slice(7)}`, `thread ${key.slice(7)}`);
  return key;
}
