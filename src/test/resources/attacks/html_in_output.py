# Attack: print markup and script, hoping the page renders it (stored XSS in
#   the console, the task names, the error message).
# Containment: output is kept verbatim as text and escaped wherever it
#   becomes HTML; this suite checks the text arrives unchanged in JSON, the
#   browser tests check it shows as text.
# expect-reason: error
# expect-stdout: <script>alert('xss')</script>
import asyncio
import sys

print("<script>alert('xss')</script>")
print('<img src=x onerror="alert(1)"> </pre></div><iframe src="javascript:alert(2)">')
print("&lt;already escaped&gt; & [[${7*7}]] th:utext=\"${7*7}\" {{7*7}}", file=sys.stderr)


async def main():
    await asyncio.create_task(asyncio.sleep(0), name="<b onmouseover=alert(3)>task</b>")
    raise ValueError("<script>alert(4)</script>")

asyncio.run(main())
