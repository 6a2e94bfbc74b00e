# async with: a context manager whose setup and cleanup may await.
import asyncio
import contextlib


class Connection:
    """A pretend network connection: opening and closing take time."""

    def __init__(self, host):
        self.host = host

    async def __aenter__(self):
        print(f"connecting to {self.host}...")
        await asyncio.sleep(0.2)
        print("connected")
        return self

    async def __aexit__(self, exc_type, exc, tb):
        print("closing...")
        await asyncio.sleep(0.1)
        print("closed")
        return False  # do not swallow exceptions

    async def query(self, q):
        await asyncio.sleep(0.1)
        return f"answer to {q!r}"


@contextlib.asynccontextmanager
async def transaction(conn):
    """The same idea written as an async generator."""
    print("  BEGIN")
    try:
        yield conn
        print("  COMMIT")
    except Exception:
        print("  ROLLBACK")
        raise


async def main():
    async with Connection("db.example") as conn:
        async with transaction(conn):
            print("  " + await conn.query("SELECT 1"))
        try:
            async with transaction(conn):
                raise ValueError("something went wrong")
        except ValueError as e:
            print("  caught:", e)


asyncio.run(main())
