"""BLIND phrasing tables (fifth set) for WhatsApp opt-out / opt-in requests (pt-BR).

Written 2026-12-06 by a helper who never saw the engine's rules nor earlier sets.
Engineers must NOT read this file; it is run once and never used to tune the rules.
"""

from __future__ import annotations

__all__ = ["FIFTH_OPT_IN", "FIFTH_OPT_OUT"]

# fmt: off
FIFTH_OPT_OUT: list[tuple[str, bool]] = [
    # --- opt-outs (True) ---
    ("Boa tarde. Peço a gentileza de não me incluírem mais em envios de promoções.", True),
    ("por favor n me manda mais essas oferta", True),
    ("Ô gente, dá um tempo com essas mensagem, me tira", True),
    ("chega!!! não aguento mais receber promoção de vcs", True),
    ("Quero cancelar minhas inscrições em mensagens do salão", True),
    ("Fim das promoções pra mim, por favor", True),
    ("tira meu cel dessa lista de divulgação", True),
    ("Oi, aqui é o Roberto. Minha namorada usou meu número pra fazer cadastro aí, mas eu não "
     "quero receber nada. Podem apagar?", True),
    ("Recuso receber publicidade neste número.", True),
    ("Vou bloquear vcs se continuarem mandando propaganda. Tira meu número.", True),
    ("Arre égua, toda hora promoção! Me tira dessa", True),
    ("Paraaaa de mandar msg 🙄", True),
    ("Existe alguma forma de eu não ser mais incomodada com ofertas?", True),
    ("Prefiro não ser mais avisada sobre promoções, obrigada.", True),
    ("Estou fazendo uma limpeza no meu WhatsApp, por favor me removam das listas de vocês.",
     True),
    ("Dispenso as mensagens de vocês, obrigado.", True),
    ("Senhores, favor cessar imediatamente o envio de mensagens a este contato.", True),
    ("me exclui da lista vip de promoção", True),
    ("Vocês têm como parar os avisos de promoção? tá demais", True),
    ("nao quero mais os lembrete nem as promo, brigado", True),
    ("Quero dar unsubscribe nisso aí", True),
    ("Olha, eu gosto muito da Fernanda que faz minha unha, mas essas ofertas diárias estão "
     "me irritando. Deixa só o contato pra eu marcar, sem mensagem de promoção, ok?", True),
    ("Delete meu contato da base de vcs", True),
    ("vlw pelas promo mas n quero mais", True),
    ("Caramba, de novo? Me descadastrem, pelo amor", True),
    ("Não sou cliente de vocês, não sei como têm meu número. Parem.", True),
    ("Encerrar envio de mensagens", True),
    ("Quero ser removido do mailing de vocês", True),
    ("Por obséquio, retirem-me da lista de transmissão.", True),
    ("Sô, para de me mandar essas propaganda, sô", True),
    ("Pô, mó spam isso aí, me tira", True),
    ("Moro fora do Brasil agora, não adianta mandar promoção. Podem tirar meu número.", True),
    ("Peço que este telefone deixe de constar no envio de ofertas.", True),
    ("desliga essas msg automatica pra mim", True),
    ("Pode me riscar da lista de vcs", True),
    ("Bom dia! Eu engravidei e vou ficar um tempão sem fazer química, então melhor pararem "
     "de me mandar as ofertas, tá? Obrigada pelo carinho 💕", True),
    ("CHEGA DE OFERTA NESSE NÚMERO", True),
    ("já pedi pra parar e continua chegando mensagem. Parem!", True),
    ("Quero revogar meu consentimento pra receber mensagens de marketing", True),
    ("Tô de saco cheio dessas promoção. Sai fora do meu whats", True),
    # --- near misses (False) ---
    ("Preciso desmarcar a escova de quinta, surgiu um imprevisto", False),
    ("Não quero mais o loiro, quero escurecer. Quanto fica?", False),
    ("Vocês tiram alongamento de unha de outro salão?", False),
    ("Troquei de chip, meu whats novo é esse aqui, pode atualizar no cadastro", False),
    ("Tem algo pra parar de quebrar a ponta do cabelo?", False),
    ("A mensagem de confirmação não chegou, meu horário tá marcado?", False),
    ("Ainda estou na lista de espera de domingo? Quero muito esse horário", False),
    ("Adorei o corte mas a tintura saiu na lavagem, podem dar uma olhada? Quero marcar um "
     "retoque", False),
    ("Para com isso, ficou lindo demais! Obrigada meninas 😍", False),
    ("Quero tirar o mega hair, quanto custa a remoção?", False),
    ("Não quero escova hoje, só lavar e hidratar", False),
    ("Cancela só a sobrancelha do meu agendamento, o resto mantém", False),
    ("Qual promoção tá rolando essa semana?", False),
    ("Parei de fumar e quero cuidar da pele, vocês fazem limpeza de pele?", False),
    ("Tira o meu nome da reserva das 15h e coloca o da minha irmã, por favor", False),
]

FIFTH_OPT_IN: list[str] = [
    "Gente, aceito receber as promoções outra vez, podem mandar",
    "Dá pra eu voltar pro grupo de ofertas?",
    "pode reativar as msg pra mim",
    "Bom dia. Solicito a reinclusão do meu número na lista de comunicações do salão.",
    "Saudade das ofertas kkk volta a mandar",
    "Lembra que eu pedi pra não mandar mais nada? Esquece isso, pode mandar kkk",
    "Desbloqueia as promoção pra mim, sô",
    "Agora que voltei a trabalhar perto do salão quero receber as novidades de novo",
    "Libera as promoções pra mim outra vez?",
    "Quero me cadastrar de volta pra receber as ofertas",
    "Retomar envio de ofertas pra mim",
    "Oi! Pedi pra parar as mensagens ano passado, mas pode voltar a enviar",
    "Arrependi de ter saído, me inclui de novo nas promoções",
    "REATIVAR MINHAS MENSAGENS",
    "Tô sentindo falta dos lembretes, podem voltar a me mandar?",
]
# fmt: on
