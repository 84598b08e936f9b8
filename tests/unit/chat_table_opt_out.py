"""Stopping and restarting the salon's offers in everyday Portuguese, and near misses that are
neither: written by hand, each expectation as a receptionist reads it."""

from __future__ import annotations

from tests.unit.chat_case import Case, mar

# fmt: off
OPT_OUT_EVERYDAY = [
    Case("me remove dessa lista por favor", "unknown", opt_out=True),
    Case("não quero mais receber nada de vocês", "unknown", opt_out=True, negative=True),
    Case("descadastra meu número", "unknown", opt_out=True),
    Case("para de me mandar essas coisas", "unknown", opt_out=True),
    Case("NAO ME MANDA MAIS MENSAGEM", "unknown", opt_out=True),
    Case("tira meu contato daí", "unknown", opt_out=True),
    Case("chega de promoção pelo amor de deus", "unknown", opt_out=True),
    Case("não tenho interesse, não me mande mais", "unknown", opt_out=True, negative=True),
    Case("esquece meu número", "unknown", opt_out=True),
    Case("me exclui desse grupo de promoções", "unknown", opt_out=True),
    Case("nao quero receber propaganda", "unknown", opt_out=True, negative=True),
    Case("parem de me enviar mensagens", "unknown", opt_out=True),
    Case("quero sair dessa lista de vocês", "unknown", opt_out=True),
    Case("pode me remover da lista de transmissão", "unknown", opt_out=True),
    Case("não me chama mais por aqui", "unknown", opt_out=True),
    Case("cancela essas mensagens automáticas", "unknown", opt_out=True),
    Case("bloqueia meu número aí nesse sistema", "unknown", opt_out=True),
    Case("para de mandar msg", "unknown", opt_out=True),
    Case("n quero mais receber promo", "unknown", opt_out=True, negative=True),
    Case("deixa de me mandar oferta", "unknown", opt_out=True),
    Case("como faço pra parar de receber?", "unknown", opt_out=True),
    Case("nunca mais me mande nada", "unknown", opt_out=True),
    Case("parem de me incomodar com isso", "unknown", opt_out=True),
    Case("me deixa em paz", "unknown", opt_out=True),
    Case("por favor não entrem mais em contato comigo", "unknown", opt_out=True),
    Case("retire meu número da lista", "unknown", opt_out=True),
    Case("cancela meu cadastro aí", "unknown", opt_out=True),
    Case("não autorizei vocês a me mandar isso", "unknown", opt_out=True),
    Case("me tira daí por favor", "unknown", opt_out=True),
    Case("para com essas mensagens", "unknown", opt_out=True),
]
OPT_IN = [
    Case("quero voltar a receber as promoções", "unknown", opt_in=True),
    Case("pode me mandar as ofertas de novo", "unknown", opt_in=True),
    Case("me coloca na lista de novo", "unknown", opt_in=True),
    Case("aceito receber as mensagens de vocês", "unknown", affirmative=True, opt_in=True),
    Case("quero receber as novidades do salão", "unknown", opt_in=True),
    Case("pode voltar a me mandar promoção", "unknown", opt_in=True),
    Case("me avisa das promoções", "unknown", opt_in=True),
    Case("quero ficar sabendo das novidades", "unknown", opt_in=True),
    Case("pode me incluir na lista", "unknown", opt_in=True),
    Case("autorizo receber as ofertas", "unknown", opt_in=True),
]
NEAR_MISSES = [
    # a service named asks for it (the rules' documented reading), never an opt-out
    Case("pode parar de cortar tão curto", "booking", "corte_f"),
    Case("não quero mais franja", "unknown", "corte_f", negative=True),
    Case("tem promoção de escova?", "inquiry", "escova"),
    Case("não recebi a confirmação do horário", "booking"),  # a slot word, as documented
    Case("para amanhã tem vaga?", "booking", day=mar(12)),
    Case("não quero cancelar, só mudar o horário", "reschedule", negative=True),
]
OPT_OUT_TABLE = OPT_OUT_EVERYDAY + OPT_IN + NEAR_MISSES
# fmt: on
