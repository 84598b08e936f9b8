"""The third blind set of stopping and restarting the salon's offers: written on 2026-12-06 by a
helper who never saw the engine's rules nor the earlier sets; never read to tune the rules.

`THIRD_OPT_OUT`: (message, is_opt_out) — 40 clients asking the salon to stop sending them messages /
offers / promotions / to remove them from the list (True), then 15 near misses that mention the
salon's messages, lists, numbers, stopping or cancelling but are NOT asking to stop receiving
messages (False). `THIRD_OPT_IN`: 15 clients who had stopped the offers asking to get them again.
"""

from __future__ import annotations

__all__ = ["THIRD_OPT_IN", "THIRD_OPT_OUT"]

# fmt: off
THIRD_OPT_OUT: list[tuple[str, bool]] = [
    ("Boa tarde, moça! Por favor, não me enviem mais promoções. Obrigada", True),
    ("pfv tira meu numero da lista de vcs", True),
    ("CHEGA DE MANDAR PROPAGANDA NO MEU ZAP!!!", True),
    ("Esse número não é mais da Juliana, parem de mandar mensagem pra cá", True),
    ("Oi querida, me mudei pra Curitiba e não vou mais no salão, pode parar as msg 😊", True),
    ("Com base na LGPD, solicito a exclusão dos meus dados e que não me enviem mais nada.", True),
    ("se continuarem mandando essas promoção vou reclamar no procon, ja avisei", True),
    ("como faço pra não receber mais essas mensagens de vcs?", True),
    ("n quero mais promo nao, obg", True),
    ("Bah tchê, para de me mandar essas ofertas, não tenho interesse", True),
    ("Oxe, de novo essas mensagem? num quero mais receber isso não, visse", True),
    ("Olá, gostaria de ser retirada da lista de transmissão do Studio Bella, obrigada", True),
    ("tira eu dessa lista de promoção aí mano, valeu", True),
    ("Parei de ir na barbearia faz tempo, não precisa mais me mandar nada", True),
    ("Mermão, para de encher meu whats de propaganda pelo amor de Deus", True),
    ("Desculpa, mas pode me excluir do envio de mensagens? Tô recebendo muita coisa", True),
    ("ñ me mande mais ofertas pfv", True),
    ("Gente, eu não autorizei vocês a me mandarem propaganda. Apaguem meu contato.", True),
    ("Fala Rodrigo, curto teu corte mas não quero as promo da barbearia no zap não, blz?", True),
    ("Uai sô, cês pode parar de me mandar essas mensagem? Num tenho interesse não", True),
    ("bloqueia meu numero pro envio de marketing, por favor", True),
    ("Este número trocou de dono, não conheço nenhuma Patrícia. Favor parar de enviar msgs", True),
    ("Quero cancelar o recebimento das promoções pelo whatsapp", True),
    ("oi moça tudo bem? queria pedir pra vcs n me mandarem mais essas msg de promoção tá", True),
    ("ME DEIXA EM PAZ, PAREM DE MANDAR MENSAGEM TODO DIA", True),
    ("Por gentileza, desativem o envio de ofertas para este número.", True),
    ("Vcs tão mandando msg demais, tira meu contato daí", True),
    ("Não sou mais cliente, favor remover meu telefone e não enviar mais nada", True),
    ("Sou a Cláudia, cliente da Fernanda. Moro em Portugal agora, parem com as novidades", True),
    ("Oi! Prefiro não receber mais as mensagens de marketing, tudo bem? Beijos", True),
    ("cancela minha inscrição nas promoções pfv", True),
    ("Eita, toda semana promoção? Me tira dessa, por favor 😒", True),
    ("Tem como desinscrever meu número das ofertas? Obg", True),
    ("Vixe, parem de mandar essas promoção pra mim, que agonia", True),
    ("Sem mais mensagens, por favor. Não tenho interesse nos serviços.", True),
    ("a Marta nao usa mais esse numero, agora é meu. parem de mandar as promoçao do salao", True),
    ("Boa noite. Peço que cessem o envio de mensagens promocionais para mim.", True),
    ("tô de saco cheio dessas msg, remove aí", True),
    ("para de mandar isso aí pra mim, truta, tô fora dessas promo", True),
    ("Bom dia, poderiam me tirar da lista de envios? Obrigada!", True),
    ("Preciso cancelar meu horário de amanhã às 15h, surgiu um imprevisto", False),
    ("Não recebi a mensagem de confirmação do meu agendamento, tá marcado?", False),
    ("Troquei de número, pode atualizar meu cadastro pra esse aqui por favor?", False),
    ("Pode parar de se preocupar, já cheguei aqui na porta", False),
    ("Vi a promoção de escova progressiva que vcs mandaram, ainda tá valendo?", False),
    ("O corte ficou péssimo, a moça não parou de mexer no celular o atendimento todo", False),
    ("Tem lista de espera pra sábado? Queria encaixar uma hidratação", False),
    ("Esse número é da Paula mesmo? Queria marcar com ela", False),
    ("Me manda msg quando abrir uma vaga, por favor", False),
    ("Parei de usar química no cabelo, vocês fazem corte em cabelo natural?", False),
    ("Me manda a lista de preços, por favor", False),
    ("A mensagem de lembrete chegou certinho, obrigada! Até amanhã", False),
    ("Quero remarcar, não vou conseguir ir na quinta", False),
    ("Pode cancelar a unha e deixar só o cabelo?", False),
    ("Para tudo! Que promoção boa essa, quero agendar pra sexta", False),
]

THIRD_OPT_IN: list[str] = [
    "Oi, quero voltar a receber as promoções de vocês",
    "Pode me colocar de novo na lista de ofertas?",
    "Mudei de ideia, podem mandar as novidades de novo 😅",
    "voltei pra cidade, me manda as promo de novo pfv",
    "Tinha pedido pra parar as mensagens mas agora quero receber de novo, pode ser?",
    "me adiciona de volta na lista de transmissão do salão",
    "Quero reativar o recebimento das ofertas pelo WhatsApp",
    "ei, pode voltar a me mandar as promoções sim, tô sentindo falta kkkk",
    "Bom dia! Gostaria de voltar a receber as mensagens do salão, obrigada",
    "Ativa as promoções de novo pra mim moça",
    "Me inclui novamente nas ofertas, por favor",
    "Tchê, bota meu número de novo nas promoção da barbearia",
    "pode reativar minhas notificações de promoção? me arrependi de ter saído",
    "Quero me inscrever de novo nas novidades do Studio Bella",
    "VOLTEI! pode mandar as promoçoes de novo",
]
# fmt: on
