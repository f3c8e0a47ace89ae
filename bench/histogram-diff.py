#!/usr/bin/env python3
"""What N signed-in users hold, class by class: the difference of two `jcmd GC.class_histogram` files
(before and with the users), largest first, in bytes per user.
Usage: bench/histogram-diff.py before.txt with.txt users [rows]"""
import re
import sys


def read(path):
    classes = {}
    for line in open(path):
        m = re.match(r'\s*\d+:\s+(\d+)\s+(\d+)\s+(\S+)', line)
        if m:
            count, size, name = int(m.group(1)), int(m.group(2)), m.group(3)
            c, s = classes.get(name, (0, 0))
            classes[name] = (c + count, s + size)
    return classes


before, after, users = read(sys.argv[1]), read(sys.argv[2]), int(sys.argv[3])
rows = int(sys.argv[4]) if len(sys.argv) > 4 else 40
diff = []
for name, (count, size) in after.items():
    c0, s0 = before.get(name, (0, 0))
    diff.append((size - s0, count - c0, name))
diff.sort(reverse=True)
total = sum(d[0] for d in diff)
print(f"total {total / users / 1024:.1f} KiB per user ({users} users)")
print(f"{'bytes/user':>10} {'objects/user':>12}  class")
for size, count, name in diff[:rows]:
    print(f"{size / users:10.0f} {count / users:12.1f}  {name}")
