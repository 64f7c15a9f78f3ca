/*
 * Names with their pinyin, so a generated person gets an ASCII username (张伟 → zhangwei01).
 * faker's zh_CN names carry no pinyin, so faker only supplies the randomness here.
 */

export type NamePart = readonly [hanzi: string, pinyin: string]

/** Common surnames, with the ones frequent in Shanghai well represented. */
export const surnames = pairs(`
  张 zhang  王 wang   李 li     刘 liu    陈 chen   杨 yang   黄 huang  赵 zhao   吴 wu
  周 zhou   徐 xu     孙 sun    朱 zhu    胡 hu     郭 guo    何 he     林 lin    高 gao
  罗 luo    郑 zheng  谢 xie    宋 song   唐 tang   许 xu     韩 han    冯 feng   曹 cao
  袁 yuan   蒋 jiang  蔡 cai    沈 shen   陆 lu     顾 gu     钱 qian   施 shi    倪 ni
  姚 yao    金 jin    俞 yu     龚 gong   严 yan    范 fan
`)

/** Given names of people born 1970–2000. */
export const givenNames = pairs(`
  伟 wei        芳 fang       敏 min        静 jing       丽 li         强 qiang
  磊 lei        军 jun        洋 yang       勇 yong       艳 yan        杰 jie
  娟 juan       涛 tao        明 ming       超 chao       霞 xia        平 ping
  刚 gang       颖 ying       燕 yan        婷 ting       斌 bin        蕾 lei
  建华 jianhua  建国 jianguo  志强 zhiqiang 海燕 haiyan   晓燕 xiaoyan  丽娟 lijuan
  秀英 xiuying  桂英 guiying  文杰 wenjie   晓明 xiaoming 雪梅 xuemei   红霞 hongxia
  佳怡 jiayi    思远 siyuan   俊杰 junjie   慧敏 huimin   晓东 xiaodong 春华 chunhua
  玉兰 yulan    志刚 zhigang  丹丹 dandan   晨 chen       欣怡 xinyi    宇航 yuhang
  嘉敏 jiamin   海峰 haifeng  美华 meihua   卫东 weidong  佩琳 peilin   雯 wen
  倩 qian       浩 hao        晶晶 jingjing 立新 lixin    国平 guoping  凤英 fengying
  一鸣 yiming
`)

function pairs(text: string): NamePart[] {
  const words = text.trim().split(/\s+/)
  const result: NamePart[] = []
  for (let i = 0; i + 1 < words.length; i += 2) result.push([words[i]!, words[i + 1]!])
  return result
}
