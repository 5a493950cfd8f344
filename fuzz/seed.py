import json, os, hashlib
def put(target, data):
    d = f"corpus/{target}"; os.makedirs(d, exist_ok=True)
    if isinstance(data, str): data = data.encode()
    name = hashlib.sha1(data).hexdigest()
    open(f"{d}/{name}", "wb").write(data)
tail = b"\x01\x05\x03\x01"
domains = ["mysite.com", "www.例子.中国", "https://www.例子。中国/about?x=1", "0x7f.1", "2130706433", "0177.0.0.1", "127.1",
  "[::1]", "::ffff:1.2.3.4", "fe80::1%eth0", "１２７。０。０。１", "xn--fsqu00a.xn--fiqs8s", "mysite.io", "mysite.asia",
  "example.gov.cn", "user.github.io", "com.cn", "localhost", "a.onion", "-bad-.com", "a--b.com", "xn--a.com", "ab\u200dc.com",
  "عربي.com", "a" * 64 + ".com", "HTTP://USER:PW@Www.MySite.COM:8080/path#frag", " mysite.com. ", "mysite..com", "例子.公司",
  "%E4%BE%8B%E5%AD%90.cn", "ﬁ.com", "ß.de", "foo.09", "mysite.xn--fiqs8s"]
for d in domains: put("check_domain", d.encode() + tail)
fields = ["京ICP备12345678号-1", "京icp备１２３４５６７８号-2a", "粤B2-20090059-1626X", "京公网安备11010502030143号", "川ICP备05000001号",
  "京ICP证000001号", "13800138000", "+86 138 0013 8000", "010-12345678", "0571-87654321-123", "user@example.com", "用户@例子.中国",
  "com.example.app", "A1:B2:C3:D4:E5:F6:07:18:29:3A:4B:5C:6D:7E:8F:90", "a1b2c3d4e5f60718293a4b5c6d7e8f9001234567", "com.huawei.hmos.app"]
for f in fields: put("fields", f.encode() + tail)
ids = ["91350100M000100Y43", "91110000600037341L", "11010519491231002X", "830000199201300022", "H01234567", "H0123456701",
  "12345678", "0123456789", "E12345678", "EA1234567", "110108000000016", "D2143612-7", "MA5FXXXX-0", "932110101199901011234",
  "９１１１００００６０００３７３４１Ｌ"]
for i in ids: put("ids", i)
person = {"name": "张三", "certificate": {"type": "resident_id", "number": "11010519491231002X", "validUntil": "长期"},
  "mobile": "138 0013 8000", "emergencyMobile": "13900139000", "email": "zhangsan@mysite.com"}
entity = {"type": "企业", "name": "北京某某科技有限公司", "certificate": {"type": "统一社会信用代码证书", "number": "91110000600037341L", "validUntil": "long-term"},
  "certificateAddress": "北京市朝阳区建国路88号", "address": "北京市朝阳区建国路88号", "responsible": person}
website = {"name": "某某科技产品展示", "domains": ["www.mysite.com"], "responsible": person, "serviceContent": ["企业官网"], "languages": ["中文简体"]}
app = {"name": "某某助手", "platforms": [{"platform": "android", "packageName": "com.mysite.helper", "certificateMd5": "A1:B2:C3:D4:E5:F6:07:18:29:3A:4B:5C:6D:7E:8F:90"},
  {"platform": "ios", "packageName": "com.mysite.helper", "certificateSha1": "a1b2c3d4e5f60718293a4b5c6d7e8f9001234567"}], "responsible": person}
filing = {"province": "北京", "entity": entity, "websites": [website], "apps": [app]}
opts = {"locale": "en", "province": "BJ", "entityType": "individual", "partial": True, "today": "2026-11-28"}
deep = 1
for _ in range(40): deep = [deep]
values = [filing, entity, website, app, person, [filing, opts], [["mysite.com", None, "1.1.1.1", "@@symbol"], opts],
          ["京ICP备12345678号-1", {"locale": "en"}], "mysite.com", None, 42, [], {}, {"__proto__": {"name": 1}},
          {"websites": [{"domains": ["a.com", "a.com"]}, {"domains": ["www.a.com"]}]}, deep,
          {"entity": {"type": "individual", "name": "张三", "responsible": dict(person, emergencyMobile="138 0013 8000")}, "websites": [dict(website, remarks="")]}]
for v in values: put("json", json.dumps(v, ensure_ascii=False))
os.makedirs("dict", exist_ok=True)
keys = ["type","name","certificate","number","validUntil","certificateAddress","address","responsible","mobile","emergencyMobile","landline","email","domains","homepage","serviceContent","languages","preApprovals","remarks","platforms","platform","packageName","certificateMd5","certificateSha1","publicKey","province","entity","websites","apps","locale","entityType","partial","today","__proto__"]
vals = ["@@undefined","@@symbol","@@function","@@bigint","en","BJ","enterprise","individual","resident_id","uscc","android","ios","harmonyos","long-term","2026-11-28","mysite.com","13800138000"]
lines = [f'"\\"{k}\\":"' for k in keys] + [f'"\\"{v}\\""' for v in vals] + ['"null"','"true"','"false"','"{"','"}"','"["','"]"','","','"\\\\ud800"','"\\\\uff0e"']
open("dict/json.dict","w").write("\n".join(lines)+"\n")
