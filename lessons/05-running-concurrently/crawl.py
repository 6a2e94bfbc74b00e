# Four fake page downloads, run concurrently in two ways.
import asyncio
import time


async def crawl_page(url):
    print(f"crawling {url}")
    sleep_time = int(url.split("_")[-1])  # url_3 "takes" 3 seconds
    await asyncio.sleep(sleep_time)
    print(f"OK {url}")


async def main_await_each(urls):
    """Way 1: start every task, then await them one by one."""
    tasks = [asyncio.create_task(crawl_page(url), name=url) for url in urls]
    for task in tasks:
        await task


async def main_gather(urls):
    """Way 2: start every task, then wait for all of them with gather()."""
    tasks = [asyncio.create_task(crawl_page(url), name=url) for url in urls]
    await asyncio.gather(*tasks)


if __name__ == "__main__":  # the notes had "__name__" in quotes: never true
    urls = ["url_1", "url_2", "url_3", "url_4"]
    start = time.perf_counter()
    asyncio.run(main_await_each(urls))  # or: asyncio.run(main_gather(urls))
    print(f"took {time.perf_counter() - start:.1f} s")
