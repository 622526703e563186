#!/usr/bin/env python3
# Re-runs every '$ curl ...' example in README.md against a server on 127.0.0.1:7070 and replaces the
# printed output with the real one, so the README never shows output the service did not produce.
# Usage: start the service (java -jar borderline-server/target/borderline.jar), then scripts/refresh-readme-examples.py
import re, subprocess, sys
import os
p=os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'README.md'); lines=open(p).read().split('\n')
out=[]; i=0; in_console=False; changed=0
while i < len(lines):
    l=lines[i]
    if l.startswith('```console'):
        in_console=True; out.append(l); i+=1; continue
    if in_console and l.startswith('```'):
        in_console=False; out.append(l); i+=1; continue
    if in_console and l.startswith('$ '):
        cmd=l[2:]
        out.append(l); i+=1
        while cmd.endswith('\\') and i < len(lines):  # a command continued on the next line
            cmd=cmd[:-1]+lines[i].strip()
            out.append(lines[i]); i+=1
        old=[]
        while i < len(lines) and not lines[i].startswith('$ ') and not lines[i].startswith('```'):
            old.append(lines[i]); i+=1
        trailing_blank = old and old[-1]==''
        res=subprocess.run(cmd, shell=True, capture_output=True, text=True).stdout.rstrip('\n').split('\n')
        if [x for x in old if x!=''] != res: changed+=1; print("CHANGED:", cmd[:80])
        out.extend(res)
        if trailing_blank: out.append('')
        continue
    out.append(l); i+=1
open(p,'w').write('\n'.join(out))
print("changed", changed)
