// @ts-check
// UI strings of the lesson runner and the lesson list, in English and Simplified Chinese. Used both at build time
// (the static page chrome is written in both languages) and in the browser (step counter, progress badges).
// Lesson text itself lives in tutorials/; the widgets' strings are in lesson-widgets.js.
import { registerMessages } from './i18n.js';

export const LESSON_MESSAGES = {
  en: {
    'lessons.site': 'Backprop Tutor',
    'lessons.title': 'Lessons',
    'lessons.lead': 'Twelve short lessons, from a shopping bill to a trained network. Every number you see is computed live by the autodiff engine; every lesson ends with a check-yourself exercise.',
    'lessons.number': 'Lesson {n}',
    'lessons.minutes': '{n} min',
    'lessons.seed': 'seed post {seed}',
    'lessons.back': 'Back',
    'lessons.next': 'Next',
    'lessons.nextLesson': 'Next lesson',
    'lessons.finish': 'All lessons',
    'lessons.stepOf': 'Step {n} of {total}',
    'lessons.stepsNav': 'Lesson steps',
    'lessons.goToStep': 'Go to step {n}: {title}',
    'lessons.keyHint': 'Keys: ← and → move between steps.',
    'lessons.progress.none': 'Not started',
    'lessons.progress.step': 'Step {n} of {total}',
    'lessons.progress.done': 'Done',
    'lessons.summary': '{done} of {total} lessons done',
    'lessons.reset': 'Forget my progress',
    'lessons.noscript': 'The live widgets need JavaScript; the text and formulas below are complete without it.',
    'lessons.graphSteps': 'The engine’s {n} steps, forward then backward',
  },
  'zh-CN': {
    'lessons.site': '反向传播小课堂',
    'lessons.title': '课程',
    'lessons.lead': '十二节短课，从一张购物小票讲到亲手训练一个网络。页面上的每个数字都由自动微分引擎现场算出；每节课最后都有一道自测题。',
    'lessons.number': '第 {n} 课',
    'lessons.minutes': '约 {n} 分钟',
    'lessons.seed': '取材自博文 {seed}',
    'lessons.back': '上一步',
    'lessons.next': '下一步',
    'lessons.nextLesson': '下一课',
    'lessons.finish': '返回课程列表',
    'lessons.stepOf': '第 {n} 步 / 共 {total} 步',
    'lessons.stepsNav': '课程步骤',
    'lessons.goToStep': '跳到第 {n} 步：{title}',
    'lessons.keyHint': '小技巧：按 ← 和 → 键前后翻页。',
    'lessons.progress.none': '还没开始',
    'lessons.progress.step': '学到第 {n} 步（共 {total} 步）',
    'lessons.progress.done': '已学完',
    'lessons.summary': '{total} 课中已学完 {done} 课',
    'lessons.reset': '清除学习进度',
    'lessons.noscript': '互动部件需要 JavaScript；不开脚本，下面的文字和公式也是完整的。',
    'lessons.graphSteps': '引擎算出的 {n} 步：先正向，后反向',
  },
};

registerMessages(LESSON_MESSAGES);
