// @ts-check
// UI strings every widget shares (through the base element): loading, the error box, and the messages for a
// malformed attribute, in English and Simplified Chinese. Text only; {placeholders} hold names and the text read.
import { registerMessages } from './i18n.js';

export const WIDGET_BASE_MESSAGES = {
  en: {
    'widget.loading': 'Loading the engine…',
    'widget.error': 'This widget cannot start: {message}',
    'widget.attr.tooLong': 'longer than {max} characters',
    'widget.attr.notOneOf': '“{text}” is not one of: {values}',
    'widget.attr.notNumber': '“{text}” is not a number',
    'widget.attr.notInteger': '“{text}” is not a whole number',
    'widget.attr.tooSmall': '{text} is below the smallest allowed value, {min}',
    'widget.attr.tooLarge': '{text} is above the largest allowed value, {max}',
    'widget.attr.notValues': 'expected name=value pairs ({message})',
    'widget.attr.notJson': 'not valid JSON ({message})',
  },
  'zh-CN': {
    'widget.loading': '正在加载计算引擎…',
    'widget.error': '此组件无法启动：{message}',
    'widget.attr.tooLong': '超过 {max} 个字符',
    'widget.attr.notOneOf': '“{text}”不在可选值之中：{values}',
    'widget.attr.notNumber': '“{text}”不是数字',
    'widget.attr.notInteger': '“{text}”不是整数',
    'widget.attr.tooSmall': '{text} 小于允许的最小值 {min}',
    'widget.attr.tooLarge': '{text} 大于允许的最大值 {max}',
    'widget.attr.notValues': '应为 名称=数值 的列表（{message}）',
    'widget.attr.notJson': '不是有效的 JSON（{message}）',
  },
};

registerMessages(WIDGET_BASE_MESSAGES);
