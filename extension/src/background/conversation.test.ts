import { test } from 'node:test';
import assert from 'node:assert/strict';
import { conversationIn, conversationOf, inTab } from './conversation';

test('a conversation is one chat site in one tab, across its threads and addresses', () => {
  assert.equal(conversationIn(7, 'https://chatgpt.com/c/abc?model=x#end'), '7:https://chatgpt.com');
  assert.equal(conversationIn(7, 'https://chatgpt.com/'), conversationIn(7, 'https://chatgpt.com/c/abc'), 'a new chat keeps its placeholders');
  assert.notEqual(conversationIn(7, 'https://chatgpt.com/c/abc'), conversationIn(8, 'https://chatgpt.com/c/abc'));
  assert.notEqual(conversationIn(7, 'https://chatgpt.com/'), conversationIn(7, 'https://claude.ai/'));
});

test("a message's conversation is its tab's", () => {
  const sender = { tab: { id: 7, url: 'https://kimi.com/chat/1' } } as chrome.runtime.MessageSender;
  assert.equal(conversationOf(sender), conversationIn(7, 'https://kimi.com/chat/1'));
});

test('conversations are told apart by tab, 1 from 12', () => {
  assert.ok(inTab(conversationIn(1, 'https://kimi.com/'), 1));
  assert.ok(!inTab(conversationIn(12, 'https://kimi.com/'), 1));
});
