# Getting each task's result through a done callback (the notes' exercise).
import asyncio
import functools


async def crawl_page(url):
    print(f"crawling {url}")
    sleep_time = int(url.split("_")[-1])
    await asyncio.sleep(sleep_time)
    return f"OK {url}"


def report(future):
    """Called by the event loop when the task is done; gets the task itself."""
    print("result:", future.result())


def report_with_label(label, future):
    print(f"[{label}] {future.get_name()} finished")


async def main(urls):
    tasks = [asyncio.create_task(crawl_page(url), name=url) for url in urls]
    for task in tasks:
        task.add_done_callback(report)
        # extra arguments: bind them first with functools.partial
        task.add_done_callback(functools.partial(report_with_label, "crawler"))
    results = await asyncio.gather(*tasks)
    print("gather returned:", results)


if __name__ == "__main__":
    asyncio.run(main(["url_1", "url_2", "url_3", "url_4"]))
