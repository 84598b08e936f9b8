"""A blind set for stopping and restarting the salon's offers: written by someone who did not see
the engine's rules, never used to tune them; the test reports how many the engine reads right.

`BLIND_OPT_OUT`: clients asking to stop the salon's messages, and near misses that are not
opt-outs; only intent, opt_out and negative are measured. `BLIND_OPT_IN`: clients who had stopped
the offers asking for them again; only the engine's opt-in flag is measured. Today is Wednesday
2026-03-11.
"""

from __future__ import annotations

from tests.unit.chat_case import Case

__all__ = ["BLIND_OPT_IN", "BLIND_OPT_OUT"]

# One message a row; only intent, opt_out and negative are measured.
# fmt: off
BLIND_OPT_OUT: list[Case] = [
    # asking to stop the messages
    Case("me remove dessa lista de transmissão pfv", "unknown", opt_out=True),
    Case("Oi, pode tirar meu número da lista de vocês? Obrigada", "unknown", opt_out=True),
    Case("descadastra meu numero ai por favor", "unknown", opt_out=True),
    Case("para de me mandar essas coisas toda hora", "unknown", opt_out=True),
    Case("tira meu contato dai, valeu", "unknown", opt_out=True),
    Case("chega de promoção gente 😩", "unknown", opt_out=True),
    Case(
        "pode me bloquear aí, não quero mais essas mensagens",
        "unknown", opt_out=True, negative=True,
    ),
    Case("esquece meu número por favor kkk", "unknown", opt_out=True),
    Case(
        "oi tudo bem então eu queria pedir pra vocês tirarem meu número dessa lista de promoção "
        "porque eu não tenho mais interesse tá bom obrigada",
        "unknown", opt_out=True, negative=True,
    ),
    Case(
        "nao tenho interesse nessas promoções, pode parar de mandar",
        "unknown", opt_out=True, negative=True,
    ),
    Case("qero sair dessa lsita", "unknown", opt_out=True),
    Case("PAREM DE ME MANDAR MENSAGEM TODO DIA", "unknown", opt_out=True),
    Case(
        "Não desejo mais receber comunicações deste estabelecimento.",
        "unknown", opt_out=True, negative=True,
    ),
    Case(
        "Bom dia! Gostaria de solicitar a remoção do meu contato da lista de envios. Grata.",
        "unknown", opt_out=True,
    ),
    Case("para com essas promo aí mano", "unknown", opt_out=True),
    Case("cancela o envio dessas mensagens pra mim", "unknown", opt_out=True),
    Case("quero parar de receber as ofertas", "unknown", opt_out=True),
    Case("como faço pra me descadastrar?", "unknown", opt_out=True),
    Case("me tira do grupo de promoções", "unknown", opt_out=True),
    Case("não manda mais nada pra esse número não", "unknown", opt_out=True, negative=True),
    Case("pelo amor de Deus para de mandar mensagem", "unknown", opt_out=True),
    Case("chega dessas mensagens automáticas, me tira daí", "unknown", opt_out=True),
    Case("n qro mais receber nada", "unknown", opt_out=True, negative=True),
    Case("ñ tenho interesse, me exclui da lista", "unknown", opt_out=True, negative=True),
    Case("pode me excluir da lista de contatos de vcs", "unknown", opt_out=True),
    Case(
        "parei de ir aí, não precisa mais me mandar nada",
        "unknown", opt_out=True, negative=True,
    ),
    Case("mudei de cidade, podem me tirar da lista de vocês", "unknown", opt_out=True),
    Case("stop pfvr", "unknown", opt_out=True),
    Case("REMOVER", "unknown", opt_out=True),
    Case("DESCADASTRAR", "unknown", opt_out=True),
    Case(
        "Olá, nunca autorizei vocês a me mandarem mensagem, por favor retirem meu número",
        "unknown", opt_out=True,
    ),
    Case(
        "esse numero agora é meu, a antiga dona trocou, para de mandar promoção pfv",
        "unknown", opt_out=True,
    ),
    Case("tô bloqueando vcs, chega de spam", "unknown", opt_out=True),
    Case(
        "Me tira dessa lista por favor, tá chegando mensagem demais",
        "unknown", opt_out=True,
    ),
    Case("não tenho interesse em receber ofertas", "unknown", opt_out=True, negative=True),
    Case("opa, pode parar com as mensagens, valeu", "unknown", opt_out=True),
    Case("desativa as notificações de promoção pra mim", "unknown", opt_out=True),
    # also a complaint about the salon's service
    Case(
        "vocês estragaram meu cabelo e ainda ficam mandando promoção? me tira dessa lista",
        "complaint", opt_out=True,
    ),
    Case(
        "depois do atendimento horrível de sábado não quero receber mais nada de vocês",
        "complaint", opt_out=True, negative=True,
    ),
    Case(
        "fui super mal atendida aí, não me mandem mais propaganda",
        "complaint", opt_out=True, negative=True,
    ),
    # near misses: not opt-outs
    Case("não quero desmarcar, só trocar pra sexta", "reschedule", negative=True),
    Case("nossa, não para de chover aqui", "unknown"),
    Case("tira a cutícula também ou só pinta?", "inquiry"),
    Case("pode cancelar minha hidratação de sexta", "cancel"),
    Case("não chegou a mensagem de confirmação pra mim", "unknown"),
    Case("vcs tem alguma promoção de hidratação esse mês?", "inquiry"),
    Case("me tira uma dúvida, a escova dura quanto tempo?", "inquiry"),
    Case("pode tirar o esmalte antigo antes de fazer a unha?", "inquiry"),
    Case("a promoção de terça ainda tá valendo?", "inquiry"),
    Case("parei de receber os lembretes, aconteceu alguma coisa?", "unknown"),
    Case("saí do trabalho agora, chego em uns 20 min", "late"),
    Case("chega de cabelo comprido, quero cortar bem curtinho sábado", "booking"),
    Case("não quero nada hoje não, obrigada", "hello", negative=True),
    Case("tirar a sobrancelha quanto fica?", "inquiry"),
    Case("cancela meu horário com a Juliana amanhã", "cancel"),
]

# Clients who had stopped the offers asking for them again; the engine's opt-in flag is measured.
BLIND_OPT_IN: list[str] = [
    "quero voltar a receber as promoções de vocês",
    "pode voltar a me mandar as ofertas",
    "me coloca de volta na lista de transmissão",
    "aceito receber as mensagens de promoção sim",
    "oi, eu tinha pedido pra sair da lista mas me arrependi kkk pode me incluir de novo?",
    "quero me cadastrar de novo pra receber as novidades",
    "VOLTAR A RECEBER",
    "pode reativar as mensagens pra mim",
    "manda as promo de novo pfv, tava sentindo falta",
    "bom dia, gostaria de voltar a receber os informativos do salão",
    "me inclui na lista de novo",
    "mudei de ideia, pode mandar as ofertas",
    "qro receber promoçao dnv",
    "oi moça então aquela vez eu pedi pra parar de mandar as mensagens mas agora eu quero "
    "receber de novo tá pode mandar",
    "autorizo o envio de promoções pro meu número",
]
# fmt: on
