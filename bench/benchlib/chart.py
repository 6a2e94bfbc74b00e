"""A small dependency-free SVG chart: each class run's latency against when it was submitted."""

from html import escape

WIDTH, HEIGHT = 640, 300
LEFT, RIGHT, TOP, BOTTOM = 56, 16, 28, 40


def _nice_ceiling(value):
    for step in (0.25, 0.5, 1, 2, 2.5, 5, 10, 20, 30, 60):
        if value <= step * 4:
            return step * 4, step
    return value, value / 4


def latency_chart(points, p50, p95, goal, title):
    """SVG text. ``points``: [(submitted seconds since the class began, latency seconds, ok)]."""
    x_max, x_step = _nice_ceiling(max([x for x, _, _ in points] + [0.5]))
    y_max, y_step = _nice_ceiling(max([y for _, y, _ in points] + [goal * 1.1]))
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

    def px(x):
        return LEFT + plot_w * x / x_max

    def py(y):
        return TOP + plot_h * (1 - y / y_max)

    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" '
             f'viewBox="0 0 {WIDTH} {HEIGHT}" font-family="sans-serif" font-size="11">',
             f'<rect width="{WIDTH}" height="{HEIGHT}" fill="#fff"/>',
             f'<text x="{LEFT}" y="16" font-size="13" font-weight="bold">{escape(title)}</text>']
    for i in range(5):
        y = y_step * i
        parts.append(f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{py(y):.1f}" y2="{py(y):.1f}" stroke="#eee"/>')
        parts.append(f'<text x="{LEFT - 6}" y="{py(y) + 4:.1f}" text-anchor="end">{y:g} s</text>')
        x = x_step * i
        parts.append(f'<text x="{px(x):.1f}" y="{HEIGHT - BOTTOM + 16}" text-anchor="middle">{x:g} s</text>')
    parts.append(f'<text x="{LEFT + plot_w / 2:.0f}" y="{HEIGHT - 6}" text-anchor="middle">'
                 'submitted at (seconds after the class pressed Run)</text>')
    parts.append(f'<text x="14" y="{TOP + plot_h / 2:.0f}" text-anchor="middle" '
                 f'transform="rotate(-90 14 {TOP + plot_h / 2:.0f})">submit → end event</text>')
    parts.append(f'<rect x="{LEFT}" y="{TOP}" width="{plot_w}" height="{plot_h}" fill="none" stroke="#999"/>')
    # goal labelled on the left, percentiles on the right (p50 under its line), so close lines stay readable
    for label, value, colour, dash, x, anchor, dy in (
            ("goal", goal, "#c00", "6 3", LEFT + 4, "start", -3),
            ("p95", p95, "#e80", "3 3", WIDTH - RIGHT - 4, "end", -3),
            ("p50", p50, "#06c", "3 3", WIDTH - RIGHT - 4, "end", 12)):
        if value is None or value > y_max:
            continue
        parts.append(f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{py(value):.1f}" y2="{py(value):.1f}" '
                     f'stroke="{colour}" stroke-dasharray="{dash}"/>')
        parts.append(f'<text x="{x}" y="{py(value) + dy:.1f}" text-anchor="{anchor}" fill="{colour}">'
                     f'{label} {value:.2f} s</text>')
    parts.append(f'<text x="{WIDTH - RIGHT}" y="16" text-anchor="end" fill="#555">'
                 '<tspan fill="#06c">●</tspan> ok  <tspan fill="#c00">●</tspan> failed</text>')
    for x, y, ok in points:
        colour = "#06c" if ok else "#c00"
        parts.append(f'<circle cx="{px(x):.1f}" cy="{py(min(y, y_max)):.1f}" r="2.5" fill="{colour}" '
                     'fill-opacity="0.6"/>')
    parts.append("</svg>")
    return "\n".join(parts) + "\n"
