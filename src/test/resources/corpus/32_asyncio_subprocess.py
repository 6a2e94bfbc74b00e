# asyncio subprocess: read a child's output through the loop.
import asyncio
import sys


async def main():
    proc = await asyncio.create_subprocess_exec(
        sys.executable, "-c", "import time; print('one'); time.sleep(0.1); print('two')",
        stdout=asyncio.subprocess.PIPE)
    out, _ = await proc.communicate()
    print("child printed:", out.decode().split())
    print("exit code:", proc.returncode)


asyncio.run(main())
