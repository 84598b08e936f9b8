"""A second blind set for stopping and restarting the salon's offers, written on 2026-12-06 by a
helper that never saw the engine's rules nor the first blind set; never used to tune the rules.
`FRESH_OPT_OUT`: (text, True) for a client asking to stop receiving the salon's messages/offers,
(text, False) for a near miss that must NOT be read as a stop nor as a restart.
`FRESH_OPT_IN`: clients who had stopped the offers asking to receive them again."""

from __future__ import annotations

__all__ = ["FRESH_OPT_IN", "FRESH_OPT_OUT"]

# fmt: off
FRESH_OPT_OUT: list[tuple[str, bool]] = [
    ("Oi, pode parar de me mandar promoção? Obrigada", True),
    ("me tira dessa lista por favor", True),
    ("nao quero mais receber msg de vcs", True),
    ("PARA DE MANDAR MENSAGEM", True),
    ("descadastra meu numero pfv", True),
    ("chega de promoção, ja pedi pra parar 😡", True),
    ("bom dia! gostaria de não receber mais as ofertas do salão", True),
    ("Remover meu contato da lista de transmissão", True),
    ("n quero mais essas promo no meu zap", True),
    ("isso é spam, para de enviar", True),
    ("Olá, não tenho interesse nas promoções, por favor não enviem mais", True),
    ("quero cancelar a inscrição nas mensagens promocionais", True),
    ("para de me mandar propaganda pelo amor de deus", True),
    ("me exclui da lista de vcs", True),
    ("para de mandar essas promoçoes senao vou bloquear o numero", True),
    ("Boa tarde, mudei de cidade, então não preciso mais receber as novidades do salão. "
     "Pode tirar meu número", True),
    ("nao envia mais nada pra esse numero", True),
    ("Por gentileza, parem de enviar ofertas para este número.", True),
    ("tira meu nome do cadastro de promoções", True),
    ("stop, nao quero mais msgs", True),
    ("q saco, todo dia msg de promoção. para com isso", True),
    ("n mande mais promocao pf", True),
    ("Oi moça, não quero mais receber as mensagens da barbearia, obg", True),
    ("pode me remover da lista de ofertas? valeu", True),
    ("chega de msg kkk me tira daí", True),
    ("favor nao me mandar mais esses anuncios", True),
    ("nao autorizo o envio de mensagens promocionais para meu numero", True),
    ("Pare de enviar. Não tenho interesse.", True),
    ("já corto o cabelo em outro lugar, não precisa mais me mandar promo", True),
    ("eu nao pedi pra receber isso, me descadastra", True),
    ("quero me desinscrever dessas mensagens de desconto", True),
    ("cancela o envio dessas mensagens pra mim por favor", True),
    ("parem de encher meu zap com promoção 🙄", True),
    ("nao quero receber mais nenhuma oferta de unha nem de cabelo", True),
    ("Bom dia. Solicito a remoção do meu telefone da lista de divulgação.", True),
    ("pfv para de mandar essas msgs, to sem tempo pra isso", True),
    ("🚫 nao mande mais promoções", True),
    ("dá pra parar com as mensagens automáticas? não quero mais", True),
    ("me desculpa mas nao quero mais receber as novidades, pode retirar meu contato", True),
    ("SAI FORA com essas promocao, me tira da lista", True),
    ("preciso cancelar meu horário de amanhã às 15h", False),
    ("onde posso parar o carro aí perto do salão?", False),
    ("pode tirar a hidratação do meu agendamento? vou fazer só o corte", False),
    ("quero parar com a progressiva, tá estragando meu cabelo", False),
    ("nao quero corte, quero só barba", False),
    ("me manda a lista de preços das unhas?", False),
    ("saio do trabalho às 18h, tem horário depois disso?", False),
    ("não gostei do corte, ficou torto do lado esquerdo", False),
    ("vc pode me mandar msg amanhã confirmando o horário?", False),
    ("a manicure chega que horas amanhã?", False),
    ("posso remarcar pra sábado? não vou conseguir ir na sexta", False),
    ("a promoção de sobrancelha ainda tá valendo?", False),
    ("tira uma dúvida: o pacote de barba inclui sobrancelha?", False),
    ("meu cabelo não para de cair, vocês fazem tratamento pra isso?", False),
    ("não tenho interesse em fazer luzes, só quero cortar as pontas", False),
]

FRESH_OPT_IN: list[str] = [
    "pode voltar a me mandar as promoções",
    "oi, eu tinha pedido pra sair da lista mas quero voltar a receber as ofertas",
    "quero receber as novidades de novo pfv",
    "me coloca de volta na lista de promoção",
    "pode reativar minhas mensagens de ofertas? mudei de ideia",
    "volta a mandar as promo pra mim, sinto falta kkk",
    "Bom dia! Gostaria de voltar a receber as promoções do salão.",
    "me inclui de novo na lista de transmissão",
    "pode me cadastrar de novo pras ofertas de unha",
    "eu pedi pra parar mas agora quero receber de novo as msgs",
    "podem voltar a enviar as promoções pra esse número",
    "quero me inscrever novamente nas ofertas da barbearia",
    "me readiciona na lista de vcs pf",
    "ativa de novo as mensagens de promoção pra mim",
    "Olá, voltei pra cidade e quero voltar a receber as novidades e descontos",
]
# fmt: on
