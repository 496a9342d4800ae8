"""Writes an Atom feed of N generated strike reports (English, Ukrainian, Russian in turn) and the
same texts one per line, for deploy/bench/feed-ingest. Texts differ by place, day, figures and a
bulletin number, so no two are one report. Usage: make-feed.py N RUN FEED_OUT TEXTS_OUT"""
import sys
from xml.sax.saxutils import escape

n, run, feed_out, texts_out = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]
EN = ["Kharkiv", "Odesa", "Dnipro", "Sumy", "Zaporizhzhia", "Kherson", "Poltava", "Mykolaiv"]
UK = ["Харкові", "Одесі", "Дніпрі", "Сумах", "Запоріжжі", "Херсоні", "Полтаві", "Миколаєві"]
RU = ["Харькове", "Одессе", "Днепре", "Сумах", "Запорожье", "Херсоне", "Полтаве", "Николаеве"]
MONTH_EN = "November"
MONTH_UK = "листопада"
MONTH_RU = "ноября"


def text(i):
    day, killed, injured, k = 1 + i % 28, i % 5, 1 + i % 9, i % 3
    place = i // 3 % 8
    if k == 0:
        return (f"A drone struck a warehouse in {EN[place]} on {day} {MONTH_EN}, killing {killed} people and "
                f"injuring {injured}, the regional administration said. Bulletin {run}-{i}.")
    if k == 1:
        return (f"{day} {MONTH_UK} ракета влучила в житловий будинок у {UK[place]}, загинули {killed} людей, "
                f"поранено {injured}, повідомила обласна адміністрація. Бюлетень {run}-{i}.")
    return (f"{day} {MONTH_RU} беспилотник атаковал склад в {RU[place]}, погибли {killed} человек, ранены "
            f"{injured}, сообщила областная администрация. Бюллетень {run}-{i}.")


texts = [text(i) for i in range(n)]
with open(texts_out, "w", encoding="utf-8") as f:
    f.write("\n".join(texts) + "\n")
with open(feed_out, "w", encoding="utf-8") as f:
    f.write('<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">'
            f"<title>Bench feed {run}</title><id>urn:bench:{run}</id><updated>2026-11-20T00:00:00Z</updated>\n")
    for i, t in enumerate(texts):
        f.write(f"<entry><id>urn:bench:{run}:{i}</id><title>{escape(t.split(',')[0])}</title>"
                f'<link href="https://bench.invalid/{run}/{i}"/><updated>2026-11-20T12:00:00Z</updated>'
                f"<content type=\"text\">{escape(t)}</content></entry>\n")
    f.write("</feed>\n")
