# Writes opencc-1.1.9-reference.json: Python OpenCC 1.1.9 (the version Data-Juicer 1.6.1 pins) on a few phrases,
# in every config chinese_convert_mapper offers. Run with `pip install opencc==1.1.9`.
import json
import opencc

MODES = ['s2t', 't2s', 's2tw', 'tw2s', 's2hk', 'hk2s', 's2twp', 'tw2sp', 't2tw', 'tw2t', 'hk2t', 't2hk', 't2jp', 'jp2t']
LINES = [
    '群贤毕至，少长咸集',
    '少長咸集',
    '头发的发展，干杯后吃面条。',
    '皇后在里面走了一公里，台风于是来了。',
    '钟表与钟情，乾隆理发，一只只有云彩。',
    '人云亦云，征收出征，丰富制造，几乎茶几。',
    '复习复杂，松树放松，咸淡适中。',
    '这个软件的鼠标和打印机在网络上很流行。',
    '我们在计算机上下载了视频和信息。',
    '國際化的電腦軟體與滑鼠、印表機。',
    '旧字体と新字体：學校、國語、會社、廣島。',
]
print(json.dumps({'lines': LINES, 'outputs': {m: [opencc.OpenCC(m).convert(l) for l in LINES] for m in MODES}},
                 ensure_ascii=False, indent=1))
